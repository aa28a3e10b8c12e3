#include "steptemplates.h"

#include "flowclipboard.h"

#include <QCoreApplication>

namespace cairn {

namespace {

struct StepTemplatesText {
    Q_DECLARE_TR_FUNCTIONS(StepTemplates)
};

const char kShellCommand[] = R"(echo "Hello from $CAIRN_STEP_ID" > "$CAIRN_OUTPUT_DIR/hello.txt")";

const char kPythonScript[] = R"(import cairn_step as cs

cs.save_text("hello.txt", f"Hello from {cs.step_id()}\n")
)";

// SOURCE comes from the step's environment, so the command stays the same when the
// source changes.
const char kDownloadCommand[] = R"(# SOURCE is a URL or a path relative to the flow's folder.
name=$(basename "$SOURCE")
case "$SOURCE" in
  http://*|https://*)
    curl --fail --location --silent --show-error --output "$CAIRN_OUTPUT_DIR/$name" "$SOURCE" ;;
  *)
    cp "$SOURCE" "$CAIRN_OUTPUT_DIR/$name" ;;
esac
)";

const char kReadCsvScript[] = R"(import csv

import cairn_step as cs

# Counts the rows of every CSV file that the upstream steps wrote.
counts = {}
for step in cs.upstream_steps():
    for name in cs.input_files(step):
        if name.endswith(".csv"):
            with cs.input_path(step, name).open(newline="") as f:
                counts[f"{step}/{name}"] = sum(1 for _ in csv.DictReader(f))
cs.save_json("row_counts.json", counts)
)";

// %1 is the number of trees: a literal or a {{trees}} placeholder.
const char kTrainScript[] = R"(import cairn_step as cs
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

# Trains on table.csv of the upstream step "prepare", predicting the column "label".
# Change the step, file and column names to match the flow.
table = pd.read_csv(cs.input_path("prepare", "table.csv"))
features = table.drop(columns=["label"])
labels = table["label"]
seed = cs.seed() % 2**32
train_x, test_x, train_y, test_y = train_test_split(
    features, labels, test_size=0.25, random_state=seed)

model = RandomForestClassifier(n_estimators=%1, random_state=seed)
model.fit(train_x, train_y)
cs.save_json("metrics.json", {"accuracy": model.score(test_x, test_y)})
cs.save_pickle("model.pkl", model)
)";

constexpr int kDefaultTrees = 100;

Step newStep(const QString& id, const QString& title, StepKind kind)
{
    Step step;
    step.id = id;
    step.title = title;
    step.kind = kind;
    return step;
}

QByteArray fragmentOf(const Step& step, const QList<Parameter>& parameters = {})
{
    Flow flow;
    flow.parameters = parameters;
    flow.steps.append(step);
    return flowFragment(flow, {step.id});
}

StepTemplate kindTemplate(const Step& step, const QString& name, const QString& description)
{
    return {name, description, stepKindName(step.kind), fragmentOf(step)};
}

StepTemplate trainTemplate(const Flow& flow)
{
    Step step = newStep(QStringLiteral("train"), StepTemplatesText::tr("Train model"),
                        StepKind::Python);

    // The placeholder is used only for an int parameter, because n_estimators takes an
    // int and a placeholder naming an undeclared parameter makes the flow invalid.
    const Parameter* trees = flow.parameter(QStringLiteral("trees"));
    const bool useParameter = trees && trees->type == ParamType::Int;
    const QString treesText = useParameter ? QStringLiteral("{{trees}}")
                                           : QString::number(kDefaultTrees);
    step.script = QString::fromUtf8(kTrainScript).arg(treesText);

    QList<Parameter> parameters;
    if (useParameter)
        parameters.append(*trees);
    return {StepTemplatesText::tr("Train model (scikit-learn)"),
            StepTemplatesText::tr("Python: fit a random forest on an upstream CSV table and "
                                  "save the model and its accuracy"),
            stepKindName(StepKind::Python), fragmentOf(step, parameters)};
}

}  // namespace

QList<StepTemplate> stepTemplates()
{
    return stepTemplates(Flow());
}

QList<StepTemplate> stepTemplates(const Flow& flow)
{
    QList<StepTemplate> templates;

    Step shell = newStep(QStringLiteral("shell"), StepTemplatesText::tr("Shell command"),
                         StepKind::Shell);
    shell.command = QString::fromUtf8(kShellCommand);
    templates << kindTemplate(shell, StepTemplatesText::tr("Shell command"),
                              StepTemplatesText::tr("A command run by /bin/sh"));

    Step python = newStep(QStringLiteral("python"), StepTemplatesText::tr("Python script"),
                          StepKind::Python);
    python.script = QString::fromUtf8(kPythonScript);
    templates << kindTemplate(python, StepTemplatesText::tr("Python script"),
                              StepTemplatesText::tr("Inline Python code run by python3"));

    Step script = newStep(QStringLiteral("script"), StepTemplatesText::tr("Script file"),
                          StepKind::Script);
    script.path = QStringLiteral("scripts/step.py");
    script.interpreter = QStringLiteral("python3");
    templates << kindTemplate(script, StepTemplatesText::tr("Script file"),
                              StepTemplatesText::tr("A file of the project run with arguments"));

    Step download = newStep(QStringLiteral("download"), StepTemplatesText::tr("Download file"),
                            StepKind::Shell);
    download.command = QString::fromUtf8(kDownloadCommand);
    download.env.append({QStringLiteral("SOURCE"), QStringLiteral("https://example.com/data.csv")});
    templates << kindTemplate(download, StepTemplatesText::tr("Download file"),
                              StepTemplatesText::tr("Shell: fetch a URL with curl or copy a file "
                                                    "into the output folder"));

    Step readCsv = newStep(QStringLiteral("read_csv"), StepTemplatesText::tr("Read CSV"),
                           StepKind::Python);
    readCsv.script = QString::fromUtf8(kReadCsvScript);
    templates << kindTemplate(readCsv, StepTemplatesText::tr("Python: read upstream CSV"),
                              StepTemplatesText::tr("Read the CSV files of the upstream steps "
                                                    "with cairn_step"));

    templates << trainTemplate(flow);
    return templates;
}

bool templateMatches(const StepTemplate& stepTemplate, const QString& text)
{
    const QString needle = text.trimmed();
    return needle.isEmpty() || stepTemplate.name.contains(needle, Qt::CaseInsensitive)
        || stepTemplate.description.contains(needle, Qt::CaseInsensitive);
}

QString templateIconPath(const QString& iconName)
{
    return QStringLiteral(":/icons/%1.svg").arg(iconName);
}

}  // namespace cairn
