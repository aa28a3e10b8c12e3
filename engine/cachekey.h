#pragma once

// The cache key of a step: SHA-256 over a canonical JSON document of everything that can
// change the step's outputs, and the explanation of why a key changed.

#include "flow.h"
#include "message.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace cairn {

// Bumped whenever the list of components below changes, so old cache entries stop matching.
constexpr int kCacheSchema = 1;

// Parameters a step uses: its declared `params` plus every {{name}} in its command, script
// or args, in that order without repeats.
QStringList paramsUsedBy(const Step& step);

// Names inside {{name}} placeholders of text, in order of appearance without repeats.
QStringList placeholderNames(const QString& text);

// Text of a parameter value as steps see it: ints as digits, bools as true/false, strings
// as is, floats in the shortest form that reads back the same.
QString paramValueText(const Json& value);

// Replaces each {{name}} with the value's text, single-quoted for the shell when
// shellQuote. Unknown names are left as they are (validation reports them).
QString substituteParams(const QString& text, const ParamValues& values, bool shellQuote);

// Name of the environment variable carrying a parameter: CAIRN_PARAM_<NAME>, with the name
// upper-cased and other characters than letters, digits and '_' replaced by '_'.
QString paramEnvironmentName(const QString& parameter);

// Computes the key components of step: kind, command or script text or script file
// digest and args, interpreter, env (sorted), cache_version, values of used parameters,
// declared inputs with their digests, and each upstream step's outputs digest
// (upstreamOutputs: step id to manifest digest). Fails when a declared input or the
// script file cannot be read, with a message naming the step and the path.
bool computeKeyComponents(const Flow& flow, const Step& step, const ParamValues& params,
                          const QMap<QString, QString>& upstreamOutputs, Json* components,
                          QString* error);
// The same with the failure in language-neutral form, for reasons the store keeps.
bool computeKeyComponents(const Flow& flow, const Step& step, const ParamValues& params,
                          const QMap<QString, QString>& upstreamOutputs, Json* components,
                          Message* error);

// The key: SHA-256 of the components' compact JSON.
QString cacheKey(const Json& components);

// Lists what differs between two components documents, in words users read:
// "command changed", "parameter trees: 200 → 300", "input data.csv changed",
// "upstream features produced new outputs". Empty when they are equal.
QStringList explainKeyChange(const Json& before, const Json& after);
// The same list in language-neutral form, for reasons the store keeps.
QList<Message> explainKeyChangeMessages(const Json& before, const Json& after);

}  // namespace cairn
