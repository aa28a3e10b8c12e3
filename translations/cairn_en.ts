<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <numerusform>Add %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Delete %n items&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Move %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::Inspector&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n steps selected:&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::JsonPreview&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;… %n more</numerusform>
            <numerusform>Add %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Delete %n items&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Move %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::Inspector&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n steps selected:&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::JsonPreview&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;… %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::TrendsChart</name>
    <message numerus="yes">
        <source>Step durations and time saved by the cache, last %n run(s)</source>
        <translation>
            <numerusform>Step durations and time saved by the cache, last %n run</numerusform>
            <numerusform>Step durations and time saved by the cache, last %n runs</numerusform>
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
        <source>would remove %n run(s) [%1] and %2 objects, freeing %3
</source>
        <translation>
            <numerusform>would remove %n run [%1] and %2 objects, freeing %3
</numerusform>
            <numerusform>would remove %n runs [%1] and %2 objects, freeing %3
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>removed %n run(s) [%1] and %2 objects, freeing %3
</source>
        <translation>
            <numerusform>removed %n run [%1] and %2 objects, freeing %3
</numerusform>
            <numerusform>removed %n runs [%1] and %2 objects, freeing %3
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>step %1 has %n attempt(s) in run %2</source>
        <translation>
            <numerusform>Add %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Delete %n items&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Move %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::Inspector&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n steps selected:&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cli&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%1 is not a valid flow (%n problem):&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 is not a valid flow (%n problem):&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 is not a valid flow (%n problems):&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%1: valid flow &quot;%2&quot; with %n step
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1: valid flow &quot;%2&quot; with %n step
&lt;/numerusform&gt;
            &lt;numerusform&gt;%1: valid flow &quot;%2&quot; with %n steps
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;exported %n file to %1
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;exported %n file to %1
&lt;/numerusform&gt;
            &lt;numerusform&gt;exported %n files to %1
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;would remove %n run [%1] and %2 objects, freeing %3
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;would remove %n run [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
            &lt;numerusform&gt;would remove %n runs [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;removed %n run [%1] and %2 objects, freeing %3
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;removed %n run [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
            &lt;numerusform&gt;removed %n runs [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;step %1 has %n attempt in run %2</numerusform>
            <numerusform>Add %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Add %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Delete %n items&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
            &lt;numerusform&gt;Delete %n items&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Move %n steps&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
            &lt;numerusform&gt;Move %n steps&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cairn::Inspector&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n steps selected:&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
            &lt;numerusform&gt;%n steps selected:&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;cli&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%1 is not a valid flow (%n problems):&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1 is not a valid flow (%n problem):&lt;/numerusform&gt;
            &lt;numerusform&gt;%1 is not a valid flow (%n problems):&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%1: valid flow &quot;%2&quot; with %n steps
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%1: valid flow &quot;%2&quot; with %n step
&lt;/numerusform&gt;
            &lt;numerusform&gt;%1: valid flow &quot;%2&quot; with %n steps
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;exported %n files to %1
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;exported %n file to %1
&lt;/numerusform&gt;
            &lt;numerusform&gt;exported %n files to %1
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;would remove %n runs [%1] and %2 objects, freeing %3
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;would remove %n run [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
            &lt;numerusform&gt;would remove %n runs [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;removed %n runs [%1] and %2 objects, freeing %3
&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;removed %n run [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
            &lt;numerusform&gt;removed %n runs [%1] and %2 objects, freeing %3
&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;step %1 has %n attempts in run %2</numerusform>
        </translation>
    </message>
</context>
</TS>
