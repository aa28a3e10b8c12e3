<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CacheKey</name>
    <message>
        <location filename="../engine/cachekey.cpp" line="+98"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>step %1: script file %2 cannot be read: %3</source>
        <translation>步骤 %1：无法读取脚本文件 %2：%3</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>step %1: declared input %2 cannot be read: %3. Create it, or remove it from the step&apos;s inputs.</source>
        <translation>步骤 %1：无法读取声明的输入 %2：%3。请创建它，或将它从该步骤的 inputs 中删除。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the engine&apos;s cache format changed</source>
        <translation>引擎的缓存格式已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kind changed: %1 → %2</source>
        <translation>步骤类型已更改：%1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>command changed</source>
        <translation>命令已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>script changed</source>
        <translation>脚本已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interpreter changed</source>
        <translation>解释器已更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>script file %1 changed</source>
        <translation>脚本文件 %1 已更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>arguments changed</source>
        <translation>命令行参数已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cache_version changed</source>
        <translation>cache_version 已更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>environment variable %1 changed</source>
        <translation>环境变量 %1 已更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>now uses parameter %1</source>
        <translation>开始使用参数 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no longer uses parameter %1</source>
        <translation>不再使用参数 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>parameter %1: %2 → %3</source>
        <translation>参数 %1：%2 → %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>input %1 added</source>
        <translation>新增输入 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>input %1 removed</source>
        <translation>输入 %1 已删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>input %1 changed</source>
        <translation>输入 %1 已更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new upstream step %1</source>
        <translation>新增上游步骤 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upstream step %1 removed</source>
        <translation>上游步骤 %1 已删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upstream %1 produced new outputs</source>
        <translation>上游 %1 的输出已更改</translation>
    </message>
</context>
<context>
    <name>CanvasStyle</name>
    <message>
        <location filename="../ui/canvasstyle.cpp" line="+74"/>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>Executor</name>
    <message>
        <location filename="../engine/executor.cpp" line="+404"/>
        <source>cannot open log file %1: %2</source>
        <translation>无法打开日志文件 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+65"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>cannot start a process: no program given</source>
        <translation>无法启动进程：未指定程序</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>working directory %1: %2</source>
        <translation>工作目录 %1：%2</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>cannot get the exit status of %1: %2</source>
        <translation>无法获取 %1 的退出状态：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>exited with status %1</source>
        <translation>退出码为 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>killed by signal %1 (%2)</source>
        <translation>被信号 %1 终止（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../engine/flow.cpp" line="+160"/>
        <source>Invalid value &quot;%1&quot; for parameter %2: expected %3.</source>
        <translation>参数 %2 的值 &quot;%1&quot; 无效：应为 %3。</translation>
    </message>
</context>
<context>
    <name>FlowClipboard</name>
    <message>
        <location filename="../ui/flowclipboard.cpp" line="+119"/>
        <source>the pasted steps</source>
        <translation>粘贴的步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pasted steps are invalid.</source>
        <translation>粘贴的步骤无效。</translation>
    </message>
</context>
<context>
    <name>FlowIssue</name>
    <message>
        <location filename="../engine/flow.cpp" line="-40"/>
        <source>%1 (%2)</source>
        <comment>a problem, then in brackets what to do</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>FlowJson</name>
    <message>
        <location filename="../engine/flowjson.cpp" line="+38"/>
        <location line="+49"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Put the value in double quotes.</source>
        <translation>请用双引号括住该值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Use a whole number such as 0 or 3, without quotes.</source>
        <translation>请使用整数，例如 0 或 3，不加引号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a number such as 0 or 2.5, without quotes.</source>
        <translation>请使用数字，例如 0 或 2.5，不加引号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>布尔值（true 或 false）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use true or false, without quotes.</source>
        <translation>请使用 true 或 false，不加引号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Use a JSON object such as {}.</source>
        <translation>请使用 JSON 对象，例如 {}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>a list</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Use a JSON list such as [].</source>
        <translation>请使用 JSON 数组，例如 []。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list of strings</source>
        <translation>字符串数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a list of strings such as [&quot;a&quot;, &quot;b&quot;].</source>
        <translation>请使用字符串数组，例如 [&quot;a&quot;, &quot;b&quot;]。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>null</source>
        <translation>空值（null）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a number with a fraction</source>
        <translation>小数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>another type</source>
        <translation>其他类型</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Wrong type: expected %1, found %2.</source>
        <translation>类型错误：应为%1，实际为%2。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The value %1 is too large.</source>
        <translation>数值 %1 过大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a smaller whole number.</source>
        <translation>请使用更小的整数。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Add &quot;format&quot;: &quot;cairn.flow&quot; at the top.</source>
        <translation>请在文件顶部添加 &quot;format&quot;: &quot;cairn.flow&quot;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Missing &quot;format&quot;: this is not marked as a Cairn flow file.</source>
        <translation>缺少 &quot;format&quot;：该文件没有标记为 Cairn 流水线文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown format %1: expected &quot;%2&quot;.</source>
        <translation>未知格式 %1：应为 &quot;%2&quot;。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing &quot;version&quot;. Supported versions: %1.</source>
        <translation>缺少 &quot;version&quot;。支持的版本：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &quot;version&quot;: %1 at the top.</source>
        <translation>请在文件顶部添加 &quot;version&quot;: %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The version must be a number, found %1. Supported versions: %2.</source>
        <translation>版本号必须是数字，实际为%1。支持的版本：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write &quot;version&quot;: %1 without quotes.</source>
        <translation>请写成 &quot;version&quot;: %1，不加引号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsupported version %1. Supported versions: %2.</source>
        <translation>不支持版本 %1。支持的版本：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the file with the Cairn release that wrote it.</source>
        <translation>请使用生成该文件的 Cairn 版本打开它。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Use one of the types string, int, float, bool.</source>
        <translation>请使用以下类型之一：string、int、float、bool。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown parameter type &quot;%1&quot;.</source>
        <translation>未知的参数类型 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The parameter has no type.</source>
        <translation>该参数没有指定类型（type）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Use one of the kinds shell, python, script.</source>
        <translation>请使用以下类型之一：shell、python、script。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown step kind &quot;%1&quot;.</source>
        <translation>未知的步骤类型 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The step has no kind.</source>
        <translation>该步骤没有指定类型（kind）。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation>第 %1 行第 %2 列的 JSON 无效：%3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fix the JSON syntax there, for example a missing comma, quote or bracket.</source>
        <translation>请修正该处的 JSON 语法，例如缺少的逗号、引号或括号。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>The document is %1, but a flow is a JSON object.</source>
        <translation>文档的顶层是%1，但流水线应为 JSON 对象。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the file with { &quot;format&quot;: &quot;cairn.flow&quot;, &quot;version&quot;: 1, … }.</source>
        <translation>文件应以 { &quot;format&quot;: &quot;cairn.flow&quot;, &quot;version&quot;: 1, … } 开头。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the file exists and is readable.</source>
        <translation>请检查该文件是否存在且可读。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot save the flow to %1: %2.</source>
        <translation>无法将流水线保存到 %1：%2。</translation>
    </message>
</context>
<context>
    <name>FlowValidate</name>
    <message>
        <location filename="../engine/flowvalidate.cpp" line="+64"/>
        <source>Use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;</source>
        <translation>只能使用字母、数字、&apos;_&apos; 和 &apos;-&apos;，并以字母或 &apos;_&apos; 开头</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The parameter has no name.</source>
        <translation>该参数没有名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give it a unique name such as trees.</source>
        <translation>请给它起一个唯一的名称，例如 trees。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid parameter name &quot;%1&quot;.</source>
        <translation>参数名称 &quot;%1&quot; 无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <source>%1, for example %2.</source>
        <translation>%1，例如 %2。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Duplicate parameter name &quot;%1&quot;: parameters[%2] has the same name.</source>
        <translation>参数名称 &quot;%1&quot; 重复：parameters[%2] 已使用该名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename or remove one of the two parameters.</source>
        <translation>请重命名或删除这两个参数中的一个。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The default %1 of parameter &quot;%2&quot; is not of type %3.</source>
        <translation>参数 &quot;%2&quot; 的默认值 %1 不是 %3 类型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a default of type %1, or change the type.</source>
        <translation>请填写 %1 类型的默认值，或更改参数类型。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The step has no id.</source>
        <translation>该步骤没有 id。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give it a unique id such as fetch_data.</source>
        <translation>请给它指定一个唯一的 id，例如 fetch_data。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid step id &quot;%1&quot;.</source>
        <translation>步骤 id &quot;%1&quot; 无效。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Duplicate step id &quot;%1&quot;: steps[%2] has the same id.</source>
        <translation>步骤 id &quot;%1&quot; 重复：steps[%2] 已使用该 id。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename one of the two steps.</source>
        <translation>请重命名这两个步骤中的一个。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Shell step &quot;%1&quot; has no command.</source>
        <translation>shell 步骤 &quot;%1&quot; 没有设置 command。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set command to the shell command to run.</source>
        <translation>请将 command 设为要执行的 shell 命令。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Python step &quot;%1&quot; has no script.</source>
        <translation>Python 步骤 &quot;%1&quot; 没有设置 script。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set script to the Python code to run.</source>
        <translation>请将 script 设为要执行的 Python 代码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Script step &quot;%1&quot; has no path.</source>
        <translation>脚本步骤 &quot;%1&quot; 没有设置 path。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set path to the script file, relative to the flow file&apos;s folder.</source>
        <translation>请将 path 设为脚本文件的路径（相对于流水线文件所在的目录）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step &quot;%1&quot; has retries %2, but it must be 0 or more.</source>
        <translation>步骤 &quot;%1&quot; 的 retries 为 %2，但它必须大于或等于 0。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use 0 for no retries.</source>
        <translation>设为 0 表示不重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step &quot;%1&quot; has timeout_s %2, but it must be 0 or more.</source>
        <translation>步骤 &quot;%1&quot; 的 timeout_s 为 %2，但它必须大于或等于 0。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use 0 for no timeout.</source>
        <translation>设为 0 表示不设超时。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step &quot;%1&quot; uses the unknown parameter &quot;%2&quot;.</source>
        <translation>步骤 &quot;%1&quot; 使用了未知参数 &quot;%2&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declare %1 under parameters, or remove it from params.</source>
        <translation>请在 parameters 中声明 %1，或将它从 params 中删除。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{{%1}} names the unknown parameter &quot;%1&quot;.</source>
        <translation>{{%1}} 引用了未知参数 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declare %1 under parameters, or fix the name in step &quot;%2&quot;.</source>
        <translation>请在 parameters 中声明 %1，或修正步骤 &quot;%2&quot; 中的名称。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The edge connects step &quot;%1&quot; to itself.</source>
        <translation>这条边将步骤 &quot;%1&quot; 连接到了它自身。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the edge: a step cannot run after itself.</source>
        <translation>请删除这条边：步骤不能在它自身之后运行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Duplicate edge %1 → %2: edges[%3] already connects them.</source>
        <translation>重复的边 %1 → %2：edges[%3] 已连接这两个步骤。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove one of the two edges.</source>
        <translation>请删除这两条边中的一条。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The edge has no &quot;%1&quot; step.</source>
        <translation>这条边缺少 &quot;%1&quot; 步骤。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set it to the id of an existing step.</source>
        <translation>请将它设为某个已有步骤的 id。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The edge&apos;s &quot;%1&quot; names the missing step &quot;%2&quot;.</source>
        <translation>这条边的 &quot;%1&quot; 指向不存在的步骤 &quot;%2&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the id of an existing step, or remove the edge.</source>
        <translation>请使用已有步骤的 id，或删除这条边。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source> (%1 steps)</source>
        <translation>（共 %1 个步骤）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edges form a cycle: %1.</source>
        <translation>这些边构成了环：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove one of the edges on the cycle: a flow must not loop back to an earlier step.</source>
        <translation>请删除环上的一条边：流水线不能回到之前的步骤。</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+65"/>
        <source>Draw flows of steps, run them and watch each step&apos;s state.</source>
        <translation>绘制由步骤组成的流水线，运行它们并查看每个步骤的状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flow file to open.</source>
        <translation>要打开的流水线文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[FLOW]</source>
        <translation>[FLOW]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language, such as zh_CN or en.</source>
        <translation>界面语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a PNG picture of the window once the flow is shown, then exit.</source>
        <translation>显示流水线后将窗口截图保存为 PNG 图片，然后退出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>run %1 stored no artifact &quot;%2&quot;; list a step&apos;s files with cairn-cli artifacts FLOW %1 STEP</source>
        <translation>运行 %1 中没有产物“%2”；可用 cairn-cli artifacts FLOW %1 STEP 列出某个步骤的文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the flow has no steps, so it has no plan from step &quot;%1&quot;</source>
        <translation>该流水线没有任何步骤，因此无法生成从步骤“%1”续跑的计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the flow %1 has no step &quot;%2&quot;; its steps are %3</source>
        <translation>流水线 %1 中没有步骤“%2”；它的步骤有：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>the plan was not ready after %n second(s); no picture was written</source>
        <translation>
            <numerusform>%n 秒后计划仍未就绪；未写入截图</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>unknown view &quot;%1&quot;; use history, artifacts, artifacts:STEP, artifacts:STEP/FILE, timeline, trends or plan:STEP</source>
        <translation>未知的视图“%1”；请使用 history、artifacts、artifacts:STEP、artifacts:STEP/FILE、timeline、trends 或 plan:STEP</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>With --screenshot: show the newest run in a bottom tab (history, artifacts, timeline or trends), or picture the plan of resuming from a step (plan:STEP). The artifacts tab previews the run&apos;s file with the best preview (a picture first, then a table), or the best file of a step (artifacts:STEP), or one file (artifacts:STEP/FILE). A FILE of stdout.log or stderr.log shows the step&apos;s log.</source>
        <translation>与 --screenshot 一起使用：在底部标签页中显示最新一次运行（history、artifacts、timeline 或 trends），或截取从某个步骤续跑的计划（plan:STEP）。产物标签页会预览该运行中最适合预览的文件（优先图片，其次表格），或某个步骤最适合预览的文件（artifacts:STEP），或指定文件（artifacts:STEP/FILE）。FILE 为 stdout.log 或 stderr.log 时显示该步骤的日志。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the flow has no runs, so it has no artifact &quot;%1&quot; to preview; run it first</source>
        <translation>该流水线还没有运行记录，因此没有可预览的产物“%1”；请先运行它</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>run %1 stored no file to preview</source>
        <translation>运行 %1 没有保存可预览的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run %1 recorded no steps, so it has no artifact &quot;%2&quot;</source>
        <translation>运行 %1 没有记录任何步骤，因此没有产物“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1 has no step &quot;%2&quot;; its steps are %3</source>
        <translation>运行 %1 中没有步骤“%2”；它的步骤有：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 of run %2 stored no file and kept no log to preview</source>
        <translation>运行 %2 的步骤 %1 没有保存文件，也没有可预览的日志</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 cannot be written. Check that its folder exists and is writable.</source>
        <translation>无法写入 %1。请检查其所在目录是否存在且可写。</translation>
    </message>
</context>
<context>
    <name>Hashing</name>
    <message>
        <location filename="../engine/hashing.cpp" line="+104"/>
        <location line="+24"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>cannot hash %1: it is not a regular file</source>
        <translation>无法计算 %1 的哈希：它不是普通文件</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>folder %1 not found</source>
        <translation>未找到目录 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is a symbolic link; step outputs and input folders may contain only regular files and folders, so replace it with a copy of its target</source>
        <translation>%1 是符号链接；步骤输出和输入目录中只能包含普通文件和目录，请将它替换为其目标的副本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read folder %1: permission denied</source>
        <translation>无法读取目录 %1：权限不足</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a special file (a FIFO, socket or device); step outputs and input folders may contain only regular files and folders</source>
        <translation>%1 是特殊文件（FIFO、套接字或设备）；步骤输出和输入目录中只能包含普通文件和目录</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>input %1 not found; create it, or fix the path in the step&apos;s inputs (relative to the flow&apos;s folder)</source>
        <translation>未找到输入 %1；请创建它，或修正该步骤 inputs 中的路径（相对于流水线文件所在的目录）</translation>
    </message>
</context>
<context>
    <name>JsonPreview</name>
    <message numerus="yes">
        <location filename="../ui/jsonpreview.cpp" line="+115"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{%n members}</source>
        <translation>
            <numerusform>{%n 个成员}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../ui/nodeitem.cpp" line="+431"/>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duration: %1</source>
        <translation>耗时：%1</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <location filename="../engine/planner.cpp" line="+96"/>
        <source>step %1 is not in flow %2; the steps are: %3</source>
        <translation>流水线 %2 中没有步骤 %1；现有步骤：%3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>flow %1 has no runs to resume in store %2; start one with `cairn-cli run`</source>
        <translation>存储库 %2 中没有流水线 %1 可续跑的运行；请先用 `cairn-cli run` 运行一次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1 not found in store %2; `cairn-cli runs` lists the runs</source>
        <translation>存储库 %2 中未找到运行 %1；可用 `cairn-cli runs` 列出所有运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run %1 belongs to flow %2, not %3; choose a run of this flow</source>
        <translation>运行 %1 属于流水线 %2，而不是 %3；请选择本流水线的运行</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>flow %1 has no parameter %2; its parameters are: %3</source>
        <translation>流水线 %1 没有参数 %2；它的参数有：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>parameter %1 expects a value of type %2</source>
        <translation>参数 %1 需要 %2 类型的值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>parameter %1 has no default; give it with --param %1=VALUE</source>
        <translation>参数 %1 没有默认值；请用 --param %1=VALUE 指定</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>forced</source>
        <translation>强制运行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>selected as resume point</source>
        <translation>选为续跑起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>downstream of resume point %1</source>
        <translation>位于续跑起点 %1 的下游</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>failed in run %1</source>
        <translation>在运行 %1 中失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted in run %1</source>
        <translation>在运行 %1 中被中断</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>downstream of %1, which did not finish in run %2</source>
        <translation>位于 %1 的下游，而 %1 在运行 %2 中未完成</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+114"/>
        <source>caching disabled</source>
        <translation>已禁用缓存</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>unchanged since run %1</source>
        <translation>自运行 %1 以来未变</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cached result from run %1</source>
        <translation>命中缓存（来自运行 %1）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>its cached result from run %1 was cleared</source>
        <translation>运行 %1 的缓存结果已被清除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>new since run %1</source>
        <translation>运行 %1 之后新增的步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>did not run in run %1</source>
        <translation>在运行 %1 中未执行</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+6"/>
        <source>since run %1</source>
        <translation>（相对于运行 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no earlier run of this step</source>
        <translation>该步骤此前没有运行过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no cached result: it %1 in run %2</source>
        <translation>没有缓存结果：该步骤在运行 %2 中的状态为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the stored outputs of run %1 were removed</source>
        <translation>运行 %1 存储的输出已被删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not selected: only %1 and its upstream steps run</source>
        <translation>未选中：只运行 %1 及其上游步骤</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>decided when upstream %1 finishes</source>
        <translation>待上游 %1 完成后再决定</translation>
    </message>
    <message>
        <location line="-356"/>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
</context>
<context>
    <name>RunPainter</name>
    <message>
        <location filename="../ui/runpainter.cpp" line="+79"/>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>changed since run %1; %2</source>
        <translation>运行 %1 之后已更改；%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>added since run %1</source>
        <translation>运行 %1 之后新增</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not run in run %1</source>
        <translation>在运行 %1 中未执行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Showing run %1</source>
        <translation>正在显示运行 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing run %1 — 1 step changed since</source>
        <translation>正在显示运行 %1 — 此后有 1 个步骤已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing run %1 — %2 steps changed since</source>
        <translation>正在显示运行 %1 — 此后有 %2 个步骤已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (removed: %1)</source>
        <translation>（已删除：%1）</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <location filename="../engine/scheduler.cpp" line="+79"/>
        <source>the application closed during the run</source>
        <translation>运行期间应用程序已关闭</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>not selected</source>
        <translation>未选中</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+199"/>
        <source>run cancelled</source>
        <translation>运行已取消</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>upstream %1 did not succeed</source>
        <translation>上游 %1 未成功</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>run stopped after step %1 failed</source>
        <translation>步骤 %1 失败，运行已停止</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the store cannot be written</source>
        <translation>无法写入存储库</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>upstream did not succeed</source>
        <translation>上游未成功</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1 failed</source>
        <translation>步骤 %1 失败</translation>
    </message>
</context>
<context>
    <name>StepJob</name>
    <message>
        <location filename="../engine/stepjob.cpp" line="+73"/>
        <source>cannot write the script of step %1 to %2: %3</source>
        <translation>无法将步骤 %1 的脚本写入 %2：%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>script %1 of step %2 is not executable; run chmod +x on it or set the step&apos;s interpreter</source>
        <translation>步骤 %2 的脚本 %1 没有执行权限；请对它运行 chmod +x，或为该步骤设置 interpreter</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>cannot restore output %1 of step %2: %3</source>
        <translation>无法恢复步骤 %2 的输出 %1：%3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot create the scratch folder %1</source>
        <translation>无法创建临时工作目录 %1</translation>
    </message>
    <message>
        <location filename="../engine/stepinputs.cpp" line="+50"/>
        <source>cannot provide input %1 from step %2: %3</source>
        <translation>无法提供来自步骤 %2 的输入 %1：%3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the step wrote to its input %1 from step %2, which is read-only; that stored result was removed and step %2 reruns next time. Write changed copies to $CAIRN_OUTPUT_DIR instead.</source>
        <translation>该步骤写入了来自步骤 %2 的只读输入 %1；这份已存储的结果已被删除，下次运行时步骤 %2 会重跑。请把修改后的副本写到 $CAIRN_OUTPUT_DIR。</translation>
    </message>
    <message>
        <location filename="../engine/stepjob.cpp" line="+53"/>
        <source>cannot read the outputs of step %1: %2</source>
        <translation>无法读取步骤 %1 的输出：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+41"/>
        <source>cannot store output %1 of step %2: %3</source>
        <translation>无法存储步骤 %2 的输出 %1：%3</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>cannot read declared output %1 of step %2: %3</source>
        <translation>无法读取步骤 %2 声明的输出 %1：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>step %1 did not write its declared output %2</source>
        <translation>步骤 %1 没有写出它声明的输出 %2</translation>
    </message>
</context>
<context>
    <name>StepTemplates</name>
    <message>
        <location filename="../ui/steptemplates.cpp" line="+95"/>
        <source>Train model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Train model (scikit-learn)</source>
        <translation>训练模型（scikit-learn）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python: fit a random forest on an upstream CSV table and save the model and its accuracy</source>
        <translation>Python：用上游的 CSV 表训练随机森林，并保存模型及其准确率</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+3"/>
        <source>Shell command</source>
        <translation>Shell 命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A command run by /bin/sh</source>
        <translation>由 /bin/sh 执行的命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Python script</source>
        <translation>Python 脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inline Python code run by python3</source>
        <translation>由 python3 执行的内联 Python 代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Script file</source>
        <translation>脚本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file of the project run with arguments</source>
        <translation>运行项目中的文件，可带参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Download file</source>
        <translation>下载文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shell: fetch a URL with curl or copy a file into the output folder</source>
        <translation>Shell：用 curl 下载 URL，或将文件复制到输出目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read CSV</source>
        <translation>读取 CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Python: read upstream CSV</source>
        <translation>Python：读取上游 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the CSV files of the upstream steps with cairn_step</source>
        <translation>用 cairn_step 读取上游步骤的 CSV 文件</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../engine/objects.cpp" line="+147"/>
        <source>cannot copy %1 to %2: %3</source>
        <translation>无法将 %1 复制到 %2：%3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot move %1 into the store as %2: %3</source>
        <translation>无法将 %1 移入存储库并保存为 %2：%3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot replace the folder %1 with a file; move or remove the folder</source>
        <translation>无法用文件替换目录 %1；请移走或删除该目录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot store %1: only regular files can be artifacts</source>
        <translation>无法存储 %1：只有普通文件可以作为产物</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot create the store folder %1; check its permissions</source>
        <translation>无法创建存储库目录 %1；请检查其权限</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot create a file in %1: %2</source>
        <translation>无法在 %1 中创建文件：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot store %1 as %2: %3</source>
        <translation>无法将 %1 存储为 %2：%3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>object %1 for %2 is missing from the store %3; run the step that produced it again, for example with --force</source>
        <translation>存储库 %3 中缺少 %2 对应的对象 %1；请重新运行生成它的步骤，例如使用 --force</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot create the folder %1; check its permissions</source>
        <translation>无法创建目录 %1；请检查其权限</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot collect garbage in the store %1: %2</source>
        <translation>无法对存储库 %1 进行垃圾回收：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>run %1 of flow %2 is still running (host %3, process %4); wait for it to finish or stop it, then run gc again</source>
        <translation>流水线 %2 的运行 %1 仍在进行中（主机 %3，进程 %4）；请等它结束或将它停止，然后重新执行 gc</translation>
    </message>
    <message>
        <location filename="../engine/store.cpp" line="+51"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>cannot open the store database %1: %2</source>
        <translation>无法打开存储库数据库 %1：%2</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>cannot create the store folder %1; check that its parent folder exists and is writable, or choose another store with --store</source>
        <translation>无法创建存储库目录 %1；请检查其上级目录是否存在且可写，或用 --store 指定其他存储库</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>the process running it ended unexpectedly</source>
        <translation>执行此次运行的进程意外退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+6"/>
        <source>cannot create a run of %1 in the store %2: %3</source>
        <translation>无法在存储库 %2 中创建流水线 %1 的运行：%3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot record the end of run %1 in the store %2: %3</source>
        <translation>无法在存储库 %2 中记录运行 %1 的结束：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run %1 not found in the store %2</source>
        <translation>存储库 %2 中未找到运行 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read run %1 from the store %2: %3</source>
        <translation>无法从存储库 %2 读取运行 %1：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1 not found in the store %2; list the runs with `cairn-cli runs`</source>
        <translation>存储库 %2 中未找到运行 %1；可用 `cairn-cli runs` 列出所有运行</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot save step %1 of run %2 in the store %3: %4</source>
        <translation>无法将运行 %2 的步骤 %1 保存到存储库 %3：%4</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>artifact %1: %2</source>
        <translation>产物 %1：%2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>cannot clear the cached results of step %1 of flow %2 in the store %3: %4</source>
        <translation>无法清除存储库 %3 中流水线 %2 的步骤 %1 的缓存结果：%4</translation>
    </message>
    <message>
        <location filename="../engine/storeschema.cpp" line="+136"/>
        <source>cannot read the schema version of the store database in %1: %2</source>
        <translation>无法读取 %1 中存储库数据库的 schema 版本：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the store in %1 has schema version %2, newer than version %3 that this build of Cairn reads; use a newer Cairn, or another store folder</source>
        <translation>%1 中存储库的 schema 版本为 %2，高于当前 Cairn 能读取的版本 %3；请使用更新版本的 Cairn，或换用其他存储库目录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot update the store database in %1 to schema version %2: %3</source>
        <translation>无法将 %1 中的存储库数据库升级到 schema 版本 %2：%3</translation>
    </message>
</context>
<context>
    <name>TextDiff</name>
    <message>
        <location filename="../ui/textdiff.cpp" line="+64"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The files are identical.</source>
        <translation>两个文件完全相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The files are too large to compare here (over %1 MiB, or too many changed lines).</source>
        <translation>文件太大，无法在此比较（超过 %1 MiB，或更改的行过多）。</translation>
    </message>
</context>
<context>
    <name>cairn::ArtifactPreview</name>
    <message>
        <location filename="../ui/artifactpreview.cpp" line="+155"/>
        <location line="+55"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Select a file to preview it.</source>
        <translation>选择一个文件以预览。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is not a valid SVG image.</source>
        <translation>%1 不是有效的 SVG 图片。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the image %1: %2</source>
        <translation>无法读取图片 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
</context>
<context>
    <name>cairn::ArtifactsPanel</name>
    <message>
        <location filename="../ui/artifactspanel.cpp" line="+80"/>
        <location filename="../ui/artifactspanel_actions.cpp" line="+129"/>
        <source>Open Containing Folder</source>
        <translation>打开所在目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a Copy…</source>
        <translation>保存副本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with Run…</source>
        <translation>与其他运行比较…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Artifact</source>
        <translation>产物</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>Run %1 · %2 · %3</source>
        <translation>运行 %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Project file %1</source>
        <translation>项目文件 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (attempt %2)</source>
        <translation>%1（第 %2 次尝试）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Standard error of attempt %1, kept at %2</source>
        <translation>第 %1 次尝试的标准错误输出，保存在 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard output of attempt %1, kept at %2</source>
        <translation>第 %1 次尝试的标准输出，保存在 %2</translation>
    </message>
    <message>
        <location filename="../ui/artifactspanel_actions.cpp" line="-64"/>
        <location line="+20"/>
        <location line="+21"/>
        <source>No file is selected.</source>
        <translation>未选中文件。</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Run %1 stored no file %2 for step %3.</source>
        <translation>运行 %1 没有为步骤 %3 存储文件 %2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot replace %1: remove it or choose another name.</source>
        <translation>无法替换 %1：请删除它或换一个名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>无法将 %1 复制到 %2：%3</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+6"/>
        <source>Save a Copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <source>Compare with Run</source>
        <translation>与其他运行比较</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>No other run of step %1 stored %2.</source>
        <translation>步骤 %1 的其他运行都没有存储 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare %1 of run %2 with:</source>
        <translation>将运行 %2 中的 %1 与以下运行比较：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1/%2: run %3 → run %4</source>
        <translation>%1/%2：运行 %3 → 运行 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is the same in runs %2 and %3.</source>
        <translation>%1 在运行 %2 和运行 %3 中完全相同。</translation>
    </message>
</context>
<context>
    <name>cairn::CsvPreview</name>
    <message>
        <location filename="../ui/csvpreview.cpp" line="+134"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>First %n rows</source>
        <translation>
            <numerusform>前 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::FlowDocument</name>
    <message>
        <location filename="../ui/flowdocument.cpp" line="+193"/>
        <location line="+47"/>
        <source>Add step %1</source>
        <translation>添加步骤 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Add %n steps</source>
        <translation>
            <numerusform>添加 %n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Cannot connect: there is no step %1.</source>
        <translation>无法连接：不存在步骤 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot connect %1 to itself.</source>
        <translation>无法将 %1 连接到它自身。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already runs after %2.</source>
        <translation>%1 已经在 %2 之后运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting %1 → %2 would create a cycle: %3 → %4.</source>
        <translation>连接 %1 → %2 会形成环：%3 → %4。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connect %1 → %2</source>
        <translation>连接 %1 → %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Delete step %1</source>
        <translation>删除步骤 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete edge %1 → %2</source>
        <translation>删除连线 %1 → %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete %n items</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Move step %1</source>
        <translation>移动步骤 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Move %n steps</source>
        <translation>
            <numerusform>移动 %n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot edit: there is no step %1.</source>
        <translation>无法编辑：不存在步骤 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid step id &quot;%1&quot;: use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;.</source>
        <translation>步骤 id &quot;%1&quot; 无效：只能使用字母、数字、&apos;_&apos; 和 &apos;-&apos;，并以字母或 &apos;_&apos; 开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The id %1 is already used by another step.</source>
        <translation>id %1 已被其他步骤使用。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit step %1</source>
        <translation>编辑步骤 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename step %1 to %2</source>
        <translation>将步骤 %1 重命名为 %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit flow properties</source>
        <translation>编辑流水线属性</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lay Out</source>
        <translation>自动布局</translation>
    </message>
</context>
<context>
    <name>cairn::FlowInspector</name>
    <message>
        <location filename="../ui/flowinspector.cpp" line="+72"/>
        <location line="+25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Add a parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected parameter</source>
        <translation>删除选中的参数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Row %1: the name &apos;%2&apos; is already used by another parameter.</source>
        <translation>第 %1 行：名称 &apos;%2&apos; 已被其他参数使用。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row %1: invalid default: %2</source>
        <translation>第 %1 行：默认值无效：%2</translation>
    </message>
</context>
<context>
    <name>cairn::HexView</name>
    <message>
        <location filename="../ui/hexview.cpp" line="+31"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1; showing the first %2</source>
        <translation>%1；仅显示前 %2</translation>
    </message>
</context>
<context>
    <name>cairn::HistoryModel</name>
    <message>
        <location filename="../ui/historymodel.cpp" line="+235"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ran</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>resumed run %1</source>
        <translation>从运行 %1 续跑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed run %1 from %2</source>
        <translation>从运行 %1 的步骤 %2 续跑</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>cannot open the run history in %1: %2</source>
        <translation>无法打开 %1 中的运行历史：%2</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+13"/>
        <location line="+43"/>
        <location line="+29"/>
        <source>cannot read the run history in %1: %2</source>
        <translation>无法读取 %1 中的运行历史：%2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>cairn::HistoryPanel</name>
    <message>
        <location filename="../ui/historypanel.cpp" line="+54"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by run, parameter or origin</source>
        <translation>按运行、参数或来源筛选</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
</context>
<context>
    <name>cairn::Inspector</name>
    <message numerus="yes">
        <location filename="../ui/inspector.cpp" line="+109"/>
        <source>%n steps selected:</source>
        <translation>
            <numerusform>已选中 %n 个步骤：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::JsonPreview</name>
    <message>
        <location filename="../ui/jsonpreview.cpp" line="+19"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not valid JSON: %2 at byte %3</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… 还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::KeyValueTable</name>
    <message>
        <location filename="../ui/keyvaluetable.cpp" line="+15"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add a variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected variable</source>
        <translation>删除选中的变量</translation>
    </message>
</context>
<context>
    <name>cairn::LogPanel</name>
    <message>
        <location filename="../ui/logpanel.cpp" line="+39"/>
        <location line="+30"/>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Follow running step</source>
        <translation>跟随正在运行的步骤</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Step:</source>
        <translation>步骤：</translation>
    </message>
</context>
<context>
    <name>cairn::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+105"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>History</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artifacts</source>
        <translation>产物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export S&amp;VG…</source>
        <translation>导出 SVG(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo &amp;History</source>
        <translation>撤销历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;Upstream</source>
        <translation>选择上游(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select Do&amp;wnstream</source>
        <translation>选择下游(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setti&amp;ngs…</source>
        <translation>设置(&amp;N)…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fit to View</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Lay Out</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+47"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Force Rerun</source>
        <translation>强制重跑(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Workers…</source>
        <translation>工作线程数(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Parameters…</source>
        <translation>参数(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tore…</source>
        <translation>存储库(&amp;T)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+4"/>
        <location filename="../ui/mainwindow_edit.cpp" line="+206"/>
        <source>Add Steps</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location line="+68"/>
        <location filename="../ui/mainwindow_files.cpp" line="+183"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1[*] — Cairn</source>
        <translation>%1[*] — Cairn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2[*] — Cairn</source>
        <translation>%1 — %2[*] — Cairn</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>A run is in progress. Stop it and close the window?</source>
        <translation>流水线正在运行。要停止运行并关闭窗口吗？</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_edit.cpp" line="-142"/>
        <source>The steps cannot be added: %1</source>
        <translation>无法添加步骤：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Laying out the flow…</source>
        <translation>正在自动布局流水线…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The flow changed while it was laid out; press L to lay it out again.</source>
        <translation>布局期间流水线已被修改；请按 L 重新布局。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Laid out %n step(s).</source>
        <translation>
            <numerusform>已布局 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Resume from Here</source>
        <translation>从此处续跑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume from Failure of Run %1</source>
        <translation>从运行 %1 的失败处续跑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run up to Here</source>
        <translation>运行到此处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why Did This Step Run?</source>
        <translation>为什么运行了此步骤？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Artifacts</source>
        <translation>显示产物</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Select Upstream</source>
        <translation>选择上游</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select Downstream</source>
        <translation>选择下游</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Clear Cached Results of This Step</source>
        <translation>清除此步骤的缓存结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;opened flow&gt;</source>
        <translation>&lt;打开时的流水线&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_files.cpp" line="-102"/>
        <source>Open Flow</source>
        <translation>打开流水线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flow files (%1);;All files (*)</source>
        <translation>流水线文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 cannot be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an untitled flow</source>
        <translation>未命名的流水线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cairn found unsaved changes to %1 from a session that did not close. Recover them?</source>
        <translation>Cairn 发现 %1 有上次未正常关闭时留下的未保存更改。要恢复吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recovered unsaved changes; save to keep them.</source>
        <translation>已恢复未保存的更改；请保存以保留这些更改。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+2"/>
        <source>Recover Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A run is in progress. Stop it before opening another flow.</source>
        <translation>流水线正在运行。请先停止运行，再打开其他流水线。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The flow %1 has unsaved changes. Save them?</source>
        <translation>流水线“%1”有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save Flow As</source>
        <translation>流水线另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Flow files (%1)</source>
        <translation>流水线文件 (%1)</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Recent Files</source>
        <translation>清除最近打开的文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The example cannot be copied to %1. Check that the folder is writable.</source>
        <translation>无法将示例复制到 %1。请检查该目录是否可写。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+19"/>
        <location line="+13"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+16"/>
        <source>%1 cannot be written. Check that its folder exists and is writable.</source>
        <translation>无法写入 %1。请检查其所在目录是否存在且可写。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_run.cpp" line="+78"/>
        <source>Workers</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps that may run at the same time:</source>
        <translation>可同时运行的步骤数：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The flow must be saved before it runs, because its steps run in the flow&apos;s folder. Save it now?</source>
        <translation>流水线的步骤在流水线文件所在的目录中运行，因此运行前必须先保存。现在保存吗？</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The flow cannot run until these problems are fixed:
%1</source>
        <translation>修正以下问题后才能运行流水线：
%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Step %1 has not run yet.</source>
        <translation>步骤 %1 尚未运行。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Step %1 will run again: cleared the cached results of %2 step runs.</source>
        <translation>步骤 %1 将重新运行：已清除 %2 次步骤运行的缓存结果。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Back to Live View</source>
        <translation>返回实时视图</translation>
    </message>
</context>
<context>
    <name>cairn::Palette</name>
    <message>
        <location filename="../ui/palette.cpp" line="+64"/>
        <source>Search steps</source>
        <translation>搜索步骤</translation>
    </message>
</context>
<context>
    <name>cairn::ParametersDialog</name>
    <message>
        <location filename="../ui/parametersdialog.cpp" line="+33"/>
        <source>Run Parameters</source>
        <translation>运行参数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This flow has no parameters.</source>
        <translation>此流水线没有参数。</translation>
    </message>
</context>
<context>
    <name>cairn::PlanPreviewDialog</name>
    <message>
        <location filename="../ui/planpreview.cpp" line="+58"/>
        <source>Plan Preview</source>
        <translation>计划预览</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>开始运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parameters (a change re-plans the steps that use it):</source>
        <translation>参数（修改后会重新规划用到它的步骤）：</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Planning: hashing the declared inputs and script files of the steps…</source>
        <translation>正在规划：计算各步骤声明的输入和脚本文件的哈希值…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This run cannot be planned: %1</source>
        <translation>无法为本次运行制定计划：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resuming run %1 of %2.</source>
        <translation>续跑流水线 %2 的运行 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running %1.</source>
        <translation>运行流水线 %1。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>reuse from run %1</source>
        <translation>复用运行 %1 的结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cache hit (run %1)</source>
        <translation>命中缓存（运行 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decided when upstream finishes</source>
        <translation>待上游完成后再决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>cairn::QuickAddPopup</name>
    <message>
        <location filename="../ui/quickadd.cpp" line="+33"/>
        <source>Add a step…</source>
        <translation>添加步骤…</translation>
    </message>
</context>
<context>
    <name>cairn::RunControl</name>
    <message>
        <location filename="../ui/runcontrol.cpp" line="+72"/>
        <source>Starting the run…</source>
        <translation>正在启动运行…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping the run…</source>
        <translation>正在停止运行…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: attempt %2</source>
        <translation>%1：第 %2 次尝试</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run %1 succeeded in %2 s: %3 ran, %4 cached</source>
        <translation>运行 %1 成功，用时 %2 秒：执行 %3 个，命中缓存 %4 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 was stopped after %2 s</source>
        <translation>运行 %1 在 %2 秒后被停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1 failed after %2 s: %3</source>
        <translation>运行 %1 在 %2 秒后失败：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The run could not start: %1</source>
        <translation>无法启动运行：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Running: %1 of %2 steps done, %3 cached</source>
        <translation>运行中：已完成 %1/%2 个步骤，其中 %3 个命中缓存</translation>
    </message>
</context>
<context>
    <name>cairn::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+19"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language takes effect when Cairn is restarted.</source>
        <translation>新的界面语言将在重新启动 Cairn 后生效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Steps that may run at the same time. The default is one per CPU core.</source>
        <translation>可同时运行的步骤数。默认每个 CPU 核心一个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parallel workers:</source>
        <translation>并行工作线程数：</translation>
    </message>
</context>
<context>
    <name>cairn::StepInspector</name>
    <message>
        <location filename="../ui/stepinspector.cpp" line="+95"/>
        <source>The id is empty. Enter letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>id 为空。请输入字母、数字、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid id &apos;%1&apos;: use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or &apos;_&apos;.</source>
        <translation>id &apos;%1&apos; 无效：只能使用字母、数字、&apos;_&apos; 和 &apos;-&apos;，并以字母或 &apos;_&apos; 开头。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The id &apos;%1&apos; is already used by another step.</source>
        <translation>id &apos;%1&apos; 已被其他步骤使用。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shown on the canvas; empty shows the id</source>
        <translation>显示在画布上；留空则显示 id</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shell command</source>
        <translation>Shell 命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python script</source>
        <translation>Python 脚本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script file</source>
        <translation>脚本文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Relative to the flow file&apos;s folder</source>
        <translation>相对于流水线文件所在的目录</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reuse stored results</source>
        <translation>复用已存储的结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reuse the stored results of an earlier run when the step&apos;s inputs, text and parameters are unchanged</source>
        <translation>当步骤的输入、代码和参数都未更改时，复用之前运行存储的结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change to discard stored results</source>
        <translation>修改此值可丢弃已存储的结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Interpreter</source>
        <translation>解释器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments</source>
        <translation>命令行参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache version</source>
        <translation>缓存版本</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>python3</source>
        <translation>python3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run the file directly</source>
        <translation>直接运行该文件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (not declared)</source>
        <translation>%1（未声明）</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The variable %1 is listed twice. Remove or rename one of the rows. The environment is saved once the names are unique.</source>
        <translation>变量 %1 出现了两次。请删除或重命名其中一行。变量名不再重复后，环境变量才会保存。</translation>
    </message>
</context>
<context>
    <name>cairn::StorePanel</name>
    <message>
        <location filename="../ui/storepanel.cpp" line="+60"/>
        <source>Store</source>
        <translation>存储库</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs of this flow to keep, newest first; &quot;all&quot; keeps every run and removes only objects no run refers to.</source>
        <translation>要保留的此流水线运行数，从最新的算起；“全部”会保留所有运行，只删除没有任何运行引用的对象。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview Garbage Collection</source>
        <translation>预览垃圾回收</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collect</source>
        <translation>执行回收</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs to keep:</source>
        <translation>保留的运行数：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, %2, %3</source>
        <extracomment>The store&apos;s contents: &quot;3 runs&quot;, &quot;12 objects&quot; and the objects&apos; total size.</extracomment>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Garbage collection would remove %1 and %2 and free %3.</source>
        <translation>垃圾回收将删除 %1和 %2，释放 %3。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Removed %1 and %2, freeing %3.</source>
        <translation>已删除 %1和 %2，释放了 %3。</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Working out what garbage collection would free…</source>
        <translation>正在计算垃圾回收可释放的空间…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Collecting garbage…</source>
        <translation>正在进行垃圾回收…</translation>
    </message>
</context>
<context>
    <name>cairn::StringListEdit</name>
    <message>
        <location filename="../ui/stringlistedit.cpp" line="+31"/>
        <source>Add an entry</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected entry</source>
        <translation>删除选中的条目</translation>
    </message>
</context>
<context>
    <name>cairn::TextPager</name>
    <message>
        <location filename="../ui/textpager.cpp" line="+20"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Page %1 of %2 (%3)</source>
        <translation>第 %1 页，共 %2 页（%3）</translation>
    </message>
</context>
<context>
    <name>cairn::TimelineChart</name>
    <message>
        <location filename="../ui/timelinechart.cpp" line="+203"/>
        <location line="+50"/>
        <source>Choose a run in the History tab to see its timeline.</source>
        <translation>在“运行历史”标签页中选择一次运行以查看其时间线。</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>No runs are stored in %1 yet: run the flow first.</source>
        <translation>%1 中还没有存储任何运行：请先运行流水线。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Run %1 is not in the store %2.</source>
        <translation>存储库 %2 中没有运行 %1。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Run %1 has no step that started.</source>
        <translation>运行 %1 中没有已开始的步骤。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run %1: steps by worker</source>
        <translation>运行 %1：各工作线程上的步骤</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Seconds from the start of the run</source>
        <translation>自运行开始的秒数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Worker %1</source>
        <translation>工作线程 %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Reused from the cache: %1</source>
        <translation>从缓存复用：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>cached (result reused)</source>
        <translation>已缓存（复用结果）</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started %1 s after the run</source>
        <translation>在运行开始 %1 秒后启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took %1 s</source>
        <translation>耗时 %1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reused from run %1, where it took %2 s</source>
        <translation>复用运行 %1 的结果（当时耗时 %2 秒）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>cairn::TrendsChart</name>
    <message>
        <location filename="../ui/trendschart.cpp" line="+70"/>
        <source>Open a flow to see how its step durations change across runs.</source>
        <translation>打开流水线以查看其步骤耗时在各次运行中的变化。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No runs are stored in %1 yet: run the flow first.</source>
        <translation>%1 中还没有存储任何运行：请先运行流水线。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The flow %1 has no runs yet.</source>
        <translation>流水线 %1 还没有运行过。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Run %1: the cache saved %2 s, the sum of the durations recorded for the steps it reused. Steps that ran side by side are all counted, so the sum can exceed the run&apos;s wall time.</source>
        <translation>运行 %1：缓存节省了 %2 秒，即被复用步骤所记录耗时的总和。并行运行的步骤都会计入，因此总和可能超过该次运行的实际耗时。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 in run %2: %3 s</source>
        <translation>%1 在运行 %2 中：%3 秒</translation>
    </message>
    <message numerus="yes">
        <location line="-88"/>
        <source>Seconds per step and saved by the cache, last %n run(s)</source>
        <translation>
            <numerusform>最近 %n 次运行中各步骤的耗时及缓存节省的时间（秒）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Saved by the cache</source>
        <translation>缓存节省的时间</translation>
    </message>
</context>
<context>
    <name>cairn::WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.cpp" line="+40"/>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a flow of steps, run it, and reuse the results of steps whose inputs have not changed.</source>
        <translation>绘制由步骤组成的流水线并运行它；输入未更改的步骤会直接复用之前的结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New Flow</source>
        <translation>新建流水线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open an Example</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No examples installed</source>
        <translation>未安装示例</translation>
    </message>
</context>
<context>
    <name>cairn::WhyDialog</name>
    <message>
        <location filename="../ui/whydialog.cpp" line="+64"/>
        <source>Why Did %1 Run?</source>
        <translation>为什么运行了 %1？</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Run %1, step %2: %3</source>
        <translation>运行 %1，步骤 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Step %1 was added to the flow after run %2, so that run has no record of it.</source>
        <translation>步骤 %1 是在运行 %2 之后才加入流水线的，因此该运行中没有它的记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1 has not started yet in run %2.</source>
        <translation>运行 %2 中的步骤 %1 尚未开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1 did not start in run %2, because the run ended before it.</source>
        <translation>运行 %2 在步骤 %1 开始之前就已结束，因此该步骤没有运行。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No earlier run of this step has a cache key to compare with.</source>
        <translation>该步骤此前的运行中没有可供比较的缓存键。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1, which this run resumed, is no longer in the store, so there is no cache key to compare with.</source>
        <translation>本次运行所续跑的运行 %1 已不在存储库中，因此没有可比较的缓存键。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step %1 has no cache key in run %2, which this run resumed, so there is nothing to compare with.</source>
        <translation>在本次运行所续跑的运行 %2 中，步骤 %1 没有缓存键，因此无从比较。</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>The cache key is the same as in run %1.</source>
        <translation>缓存键与运行 %1 中的相同。</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Step %1 has not run yet.</source>
        <translation>步骤 %1 尚未运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 is no longer in the store. Garbage collection removes old runs; choose a run listed in the History tab.</source>
        <translation>运行 %1 已不在存储库中。垃圾回收会删除旧的运行；请在“运行历史”标签页中选择仍列出的运行。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No cache key was computed for this step run, so there is nothing to compare.</source>
        <translation>这次步骤运行没有计算缓存键，因此无从比较。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cache key is the same as in run %1, whose result this step run took.</source>
        <translation>缓存键与运行 %1 相同，这次步骤运行直接采用了该运行的结果。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changes since run %1:</source>
        <translation>运行 %1 之后的更改：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 diff:</source>
        <translation>%1 的差异：</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="+49"/>
        <source>%1 is not a valid flow (%n problem(s)):</source>
        <translation>
            <numerusform>%1 不是有效的流水线（%n 个问题）：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no store at %1; run the flow first, or pass --store DIR</source>
        <translation>%1 处没有存储库；请先运行该流水线，或用 --store 指定存储库目录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--param expects NAME=VALUE, not &quot;%1&quot;</source>
        <translation>--param 的格式应为 NAME=VALUE，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>flow %1 has no parameter %2; its parameters are: %3</source>
        <translation>流水线 %1 没有参数 %2；它的参数有：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%1: valid flow &quot;%2&quot; with %n step(s)
</source>
        <translation>
            <numerusform>%1：有效的流水线 &quot;%2&quot;，共 %n 个步骤
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is an installed example, and its folder belongs to the package; copy the folder first (cp -r %2 ~/) and run the copy, or pass --store DIR</source>
        <translation>%1 是已安装的示例，其目录归软件包所有；请先复制该目录（cp -r %2 ~/）再运行副本，或用 --store DIR 指定存储库</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>run %1 of flow %2 not found in %3 (gc may have removed it); `cairn-cli runs %4` lists the runs</source>
        <translation>在 %3 中找不到流水线 %2 的运行 %1（可能已被垃圾回收删除）；`cairn-cli runs %4` 会列出所有运行</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>step %1 has no record in run %2; `cairn-cli show %3 %2` lists its steps</source>
        <translation>运行 %2 中没有步骤 %1 的记录；可用 `cairn-cli show %3 %2` 列出其中的步骤</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>step %1 did not execute in run %2 (%3: %4)</source>
        <translation>步骤 %1 在运行 %2 中未执行（%3：%4）</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>step %1 has %n attempt(s) in run %2</source>
        <translation>
            <numerusform>步骤 %1 在运行 %2 中共有 %n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read log %1: %2</source>
        <translation>无法读取日志 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 already exists with other content; export into an empty folder, or move that file away first</source>
        <translation>%1 已存在且内容不同；请导出到空目录，或先移走该文件</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot export %1 to %2: %3</source>
        <translation>无法将 %1 导出到 %2：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>exported %n file(s) to %1
</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no run</source>
        <translation>0 次运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n run(s) [%1]</source>
        <translation>
            <numerusform>%n 次运行 [%1]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>would remove %1 and %n object(s), freeing %2
</source>
        <translation>
            <numerusform>将删除 %1和 %n 个对象，可释放 %2
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>removed %1 and %n object(s), freeing %2
</source>
        <translation>
            <numerusform>已删除 %1和 %n 个对象，释放了 %2
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>unknown verb &quot;%1&quot;</source>
        <translation>未知的子命令 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+26"/>
        <source>Check a flow file and report every problem.</source>
        <translation>检查流水线文件并报告所有问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a flow, taking cached results for unchanged steps.</source>
        <translation>运行流水线，未更改的步骤直接使用缓存结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume a past run: rerun what failed, or a step and everything after it.</source>
        <translation>断点续跑以往的运行：重跑失败的部分，或重跑指定步骤及其之后的所有步骤。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the runs of a flow, newest first.</source>
        <translation>列出流水线的运行历史，最新的在前。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show one run: every step&apos;s status, duration and reason or error.</source>
        <translation>显示一次运行：每个步骤的状态、耗时以及原因或错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the output a step wrote in a run.</source>
        <translation>打印某次运行中某个步骤的输出日志。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List or export the artifacts of a step in a run.</source>
        <translation>列出或导出某次运行中某个步骤的产物。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove old runs and the stored objects nothing refers to.</source>
        <translation>删除旧的运行，以及不再被引用的存储对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Usage: cairn-cli VERB FLOW [options]

Verbs:
</source>
        <translation>用法：cairn-cli VERB FLOW [选项]

子命令（VERB）：
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Run `cairn-cli VERB --help` for the options of a verb.
</source>
        <translation>
执行 `cairn-cli VERB --help` 查看某个子命令的选项。
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Store folder (default: $CAIRN_STORE, else .cairn beside the flow).</source>
        <translation>存储库目录（默认：$CAIRN_STORE；未设置时为流水线文件旁的 .cairn）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Print one JSON document on stdout.</source>
        <translation>向 stdout 输出一个 JSON 文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set a parameter; repeat for several.</source>
        <translation>设置参数；可多次使用以设置多个参数。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME=VALUE</source>
        <translation>NAME=VALUE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every selected step, ignoring cached results.</source>
        <translation>忽略缓存结果，运行所有选中的步骤。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RUN</source>
        <comment>value name of --origin: a run number</comment>
        <translation>RUN</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Number of the attempt whose log to print (default: the last).</source>
        <translation>要打印第几次尝试的日志（默认：最后一次）。</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+10"/>
        <location line="+3"/>
        <location line="+5"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Number of steps to run at once (default: one per core).</source>
        <translation>同时运行的步骤数（默认：每个 CPU 核心一个）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a failure, go on with steps that do not depend on it.</source>
        <translation>出现失败后，继续运行不依赖失败步骤的其他步骤。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the plan with reasons and run nothing.</source>
        <translation>打印执行计划及原因，不实际运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run only this step and the steps it depends on.</source>
        <translation>只运行此步骤及它所依赖的步骤。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>STEP</source>
        <translation>STEP</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Run to resume (default: the latest run of the flow).</source>
        <translation>要续跑的运行（默认：该流水线最近一次运行）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rerun this step and everything downstream of it.</source>
        <translation>重跑此步骤及其所有下游步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show at most N runs.</source>
        <translation>最多显示 N 次运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print standard error instead of standard output.</source>
        <translation>打印标准错误而不是标准输出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the artifacts into this folder.</source>
        <translation>将产物复制到此目录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the N newest runs of the flow and remove older ones.</source>
        <translation>保留该流水线最新的 N 次运行，删除更早的运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report what would be removed and remove nothing.</source>
        <translation>只报告将要删除的内容，不实际删除。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--%1 expects a whole number of at least %2, not &quot;%3&quot;</source>
        <translation>--%1 需要不小于 %2 的整数，而不是 &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>; to keep every run, leave --keep-runs out</source>
        <translation>；要保留所有运行，请不要使用 --keep-runs</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no verb given</source>
        <translation>未指定子命令</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown verb &quot;%1&quot;

%2</source>
        <translation>未知的子命令 &quot;%1&quot;

%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Usage: cairn-cli %1 %2 [options]</source>
        <translation>用法：cairn-cli %1 %2 [选项]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 expects %2, got %3 arguments; see `cairn-cli %1 --help`</source>
        <translation>%1 需要参数 %2，但收到了 %3 个参数；参见 `cairn-cli %1 --help`</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>RUN must be a run number such as 3, not &quot;%1&quot;</source>
        <translation>RUN 必须是运行编号（例如 3），而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/cli/clioutput.cpp" line="+32"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>pending</source>
        <comment>step status: waiting for its upstream steps</comment>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <comment>step or run status</comment>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <comment>step or run status</comment>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <comment>step or run status</comment>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cached</source>
        <comment>step status: its stored result was reused</comment>
        <translation>已缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <comment>step status: an upstream step did not succeed</comment>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <comment>step or run status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <comment>run status: its process ended during the run</comment>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not_run</source>
        <comment>step status: not selected for this run</comment>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run</source>
        <comment>plan action: the step will execute</comment>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reuse</source>
        <comment>plan action: take the step&apos;s result from the resumed run</comment>
        <translation>复用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cache_hit</source>
        <comment>plan action: take the step&apos;s result from the cache</comment>
        <translation>命中缓存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <comment>plan action: decided once an upstream step finishes</comment>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skip</source>
        <comment>plan action: the step is not selected</comment>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Run %1 of %2: %3</source>
        <translation>流水线 %2 的运行 %1：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (resumed run %1%2)</source>
        <translation>（从运行 %1%2 续跑）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> from %1</source>
        <translation> 的步骤 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1
</source>
        <translation>  %1
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(%1)</source>
        <comment>duration of a reused result in its own run</comment>
        <translation>（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 ran, %2 cached, %3 failed in %4
</source>
        <translation>执行 %1 个，命中缓存 %2 个，失败 %3 个，耗时 %4
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reused results took %1 when they were made
</source>
        <translation>被复用的结果当初生成时共耗时 %1
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Plan for resuming run %1:
</source>
        <translation>续跑运行 %1 的计划：
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan:
</source>
        <translation>执行计划：
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>RUN</source>
        <comment>column header: the run number</comment>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTED</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STEPS</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ORIGIN</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ran, %2 cached, %3 failed</source>
        <translation>执行 %1，缓存 %2，失败 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>resumed run %1</source>
        <translation>从运行 %1 续跑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed run %1 from %2</source>
        <translation>从运行 %1 的步骤 %2 续跑</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>run %1: %2 steps</source>
        <translation>运行 %1：共 %2 个步骤</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: attempt %2</source>
        <translation>%1: 第 %2 次尝试</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: running (%2)</source>
        <translation>%1: 开始运行（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> in %1</source>
        <translation>，用时 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[%1/%2] %3: %4%5 (%6)</source>
        <translation>[%1/%2] %3: %4%5（%6）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>running: %1</source>
        <translation>运行中：%1</translation>
    </message>
</context>
</TS>
