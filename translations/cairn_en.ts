<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
</TS>
