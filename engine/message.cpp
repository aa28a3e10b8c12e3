#include "message.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace cairn {

namespace {

// Reads the placeholder at text[at], as QString::arg finds them: '%', an optional 'L', then
// one or two digits. Returns its number (0 when there is none) and sets *end past it.
int placeholderAt(const QString& text, qsizetype at, qsizetype* end)
{
    if (text.at(at) != QLatin1Char('%') || at + 1 >= text.size())
        return 0;
    qsizetype digit = at + 1;
    if (text.at(digit) == QLatin1Char('L') && digit + 1 < text.size())
        ++digit;
    if (!text.at(digit).isDigit())
        return 0;
    int number = text.at(digit).digitValue();
    *end = digit + 1;
    if (*end < text.size() && text.at(*end).isDigit()) {
        number = number * 10 + text.at(*end).digitValue();
        ++*end;
    }
    return number;
}

// The distinct placeholder numbers of text in ascending order.
QList<int> placeholderNumbers(const QString& text)
{
    QList<int> numbers;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype end = i;
        const int number = placeholderAt(text, i, &end);
        if (number > 0 && !numbers.contains(number))
            numbers.append(number);
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

// Replaces the placeholders of text in one pass: the lowest-numbered gets args[0], the next
// args[1], and so on, as QString's multi-argument arg() does. One pass keeps a '%1' inside an
// argument (a path, say) as it is. Placeholders beyond the arguments stay in the text.
QString substitute(const QString& text, const QStringList& args)
{
    const QList<int> numbers = placeholderNumbers(text);
    QString result;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype end = i;
        const int number = placeholderAt(text, i, &end);
        const qsizetype rank = number > 0 ? numbers.indexOf(number) : -1;
        if (rank < 0) {
            result += text.at(i);
            ++i;
            continue;
        }
        result += rank < args.size() ? args.at(rank) : text.mid(i, end - i);
        i = end;
    }
    return result;
}

std::optional<Message> fromJson(const QJsonValue& value);

std::optional<QList<Message>> listFromJson(const QJsonValue& value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<Message> list;
    for (const QJsonValue& entry : value.toArray()) {
        std::optional<Message> message = fromJson(entry);
        if (!message)
            return std::nullopt;
        list.append(*message);
    }
    return list;
}

}  // namespace

Message::Message(const char* context, const char* source)
    : m_kind(Kind::Translatable), m_context(context), m_source(source)
{
}

Message Message::plain(const QString& text)
{
    Message message;
    message.m_kind = Kind::Plain;
    message.m_text = text;
    return message;
}

Message Message::joined(const QList<Message>& parts, const QString& separator)
{
    QList<Message> nonEmpty;
    for (const Message& part : parts) {
        if (!part.isEmpty())
            nonEmpty.append(part);
    }
    if (nonEmpty.size() <= 1)
        return nonEmpty.isEmpty() ? Message() : nonEmpty.first();

    Message message;
    message.m_kind = Kind::Joined;
    message.m_text = separator;
    message.m_parts = nonEmpty;
    return message;
}

Message& Message::arg(const QString& text)
{
    return arg(plain(text));
}

Message& Message::arg(qint64 number)
{
    return arg(plain(QString::number(number)));
}

Message& Message::arg(const Message& nested)
{
    Q_ASSERT_X(m_kind == Kind::Translatable, "Message::arg",
               "only a message with source text has placeholders to fill");
    m_parts.append(nested);
    return *this;
}

QString Message::text() const
{
    switch (m_kind) {
    case Kind::Empty:
        return QString();
    case Kind::Plain:
        return m_text;
    case Kind::Translatable: {
        QStringList args;
        for (const Message& part : m_parts)
            args.append(part.text());
        const QString translated =
            QCoreApplication::translate(m_context.constData(), m_source.constData());
        return substitute(translated, args);
    }
    case Kind::Joined: {
        QStringList texts;
        for (const Message& part : m_parts)
            texts.append(part.text());
        return texts.join(m_text);
    }
    }
    return QString();
}

QJsonValue Message::toJson() const
{
    QJsonArray parts;
    for (const Message& part : m_parts)
        parts.append(part.toJson());

    switch (m_kind) {
    case Kind::Empty:
        return QJsonValue::Null;
    case Kind::Plain:
        return m_text;
    case Kind::Translatable: {
        QJsonObject object{{QStringLiteral("c"), QString::fromUtf8(m_context)},
                           {QStringLiteral("s"), QString::fromUtf8(m_source)}};
        if (!parts.isEmpty())
            object.insert(QStringLiteral("a"), parts);
        return object;
    }
    case Kind::Joined:
        return QJsonObject{{QStringLiteral("j"), m_text}, {QStringLiteral("m"), parts}};
    }
    return QJsonValue::Null;
}

QString Message::encode() const
{
    if (m_kind == Kind::Empty)
        return QString();
    if (m_kind == Kind::Plain && !m_text.startsWith(QLatin1Char('{')))
        return m_text;

    // Plain text that starts with '{' is wrapped, so that decode never mistakes it for JSON.
    const QJsonObject object = m_kind == Kind::Plain
        ? QJsonObject{{QStringLiteral("t"), m_text}}
        : toJson().toObject();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Message Message::decode(const QString& stored)
{
    if (stored.isEmpty())
        return Message();
    if (stored.startsWith(QLatin1Char('{'))) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(stored.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject()) {
            if (std::optional<Message> message = fromJson(document.object()))
                return *message;
        }
    }
    return plain(stored);
}

bool Message::operator==(const Message& other) const
{
    return m_kind == other.m_kind && m_context == other.m_context && m_source == other.m_source
        && m_text == other.m_text && m_parts == other.m_parts;
}

namespace {

// One node of the encoded form: a JSON string is plain text, null the empty message, and an
// object a translatable message ("c", "s", "a"), a joined one ("j", "m") or wrapped plain
// text ("t"). Returns nothing for anything else, so the caller keeps the stored text as is.
std::optional<Message> fromJson(const QJsonValue& value)
{
    if (value.isNull())
        return Message();
    if (value.isString())
        return Message::plain(value.toString());
    if (!value.isObject())
        return std::nullopt;

    const QJsonObject object = value.toObject();
    if (object.value(QStringLiteral("c")).isString() && object.value(QStringLiteral("s")).isString()) {
        const QByteArray context = object.value(QStringLiteral("c")).toString().toUtf8();
        const QByteArray source = object.value(QStringLiteral("s")).toString().toUtf8();
        Message message(context.constData(), source.constData());
        if (object.contains(QStringLiteral("a"))) {
            const std::optional<QList<Message>> args = listFromJson(object.value(QStringLiteral("a")));
            if (!args)
                return std::nullopt;
            for (const Message& arg : *args)
                message.arg(arg);
        }
        return message;
    }
    if (object.value(QStringLiteral("j")).isString()) {
        const std::optional<QList<Message>> parts = listFromJson(object.value(QStringLiteral("m")));
        if (!parts)
            return std::nullopt;
        return Message::joined(*parts, object.value(QStringLiteral("j")).toString());
    }
    if (object.value(QStringLiteral("t")).isString())
        return Message::plain(object.value(QStringLiteral("t")).toString());
    return std::nullopt;
}

}  // namespace

}  // namespace cairn
