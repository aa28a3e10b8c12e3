<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GuiMain</name>
    <message numerus="yes">
        <source>the plan was not ready after %n second(s); no picture was written</source>
        <translation>
            <numerusform>the plan was not ready after %n second; no picture was written</numerusform>
            <numerusform>the plan was not ready after %n seconds; no picture was written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonPreview</name>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n items]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n members}</source>
        <translation>
            <numerusform>{%n members}</numerusform>
            <numerusform>{%n members}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::CsvPreview</name>
    <message numerus="yes">
        <source>First %n rows</source>
        <translation>
            <numerusform>First %n rows</numerusform>
            <numerusform>First %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n rows</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::FlowDocument</name>
    <message numerus="yes">
        <source>Add %n steps</source>
        <translation>
            <numerusform>Add %n steps</numerusform>
            <numerusform>Add %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Delete %n items</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n steps</source>
        <translation>
            <numerusform>Move %n steps</numerusform>
            <numerusform>Move %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::Inspector</name>
    <message numerus="yes">
        <source>%n steps selected:</source>
        <translation>
            <numerusform>%n steps selected:</numerusform>
            <numerusform>%n steps selected:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::JsonPreview</name>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n more</numerusform>
            <numerusform>… %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::MainWindow</name>
    <message numerus="yes">
        <source>Laid out %n step(s).</source>
        <translation>
            <numerusform>Laid out %n step.</numerusform>
            <numerusform>Laid out %n steps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::StorePanel</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::TrendsChart</name>
    <message numerus="yes">
        <source>Seconds per step and saved by the cache, last %n run(s)</source>
        <translation>
            <numerusform>Seconds per step and saved by the cache, last %n run</numerusform>
            <numerusform>Seconds per step and saved by the cache, last %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%1 is not a valid flow (%n problem(s)):</source>
        <translation>
            <numerusform>%1 is not a valid flow (%n problem):</numerusform>
            <numerusform>%1 is not a valid flow (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: valid flow &quot;%2&quot; with %n step(s)
</source>
        <translation>
            <numerusform>%1: valid flow &quot;%2&quot; with %n step
</numerusform>
            <numerusform>%1: valid flow &quot;%2&quot; with %n steps
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>step %1 has %n attempt(s) in run %2</source>
        <translation>
            <numerusform>step %1 has %n attempt in run %2</numerusform>
            <numerusform>step %1 has %n attempts in run %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exported %n file(s) to %1
</source>
        <translation>
            <numerusform>exported %n file to %1
</numerusform>
            <numerusform>exported %n files to %1
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) [%1]</source>
        <translation>
            <numerusform>%n run [%1]</numerusform>
            <numerusform>%n runs [%1]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>would remove %1 and %n object(s), freeing %2
</source>
        <translation>
            <numerusform>would remove %1 and %n object, freeing %2
</numerusform>
            <numerusform>would remove %1 and %n objects, freeing %2
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>removed %1 and %n object(s), freeing %2
</source>
        <translation>
            <numerusform>removed %1 and %n object, freeing %2
</numerusform>
            <numerusform>removed %1 and %n objects, freeing %2
</numerusform>
        </translation>
    </message>
</context>
</TS>
