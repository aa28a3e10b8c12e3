#pragma once

// A user-visible message kept apart from the language it is shown in: a translation context
// and English source text with %1…%n placeholders plus its arguments, or several messages
// joined by a separator. The store saves the encoded form and decodes it into the current
// interface language on every read, so a run made in one language reads in another.

#include <QByteArray>
#include <QList>
#include <QString>

class QJsonValue;

namespace cairn {

class Message {
public:
    // The empty message; encodes to an empty string.
    Message() = default;

    // context and source are UTF-8, as QCoreApplication::translate takes them. Mark source
    // at the call with QT_TRANSLATE_NOOP(context, source) so that lupdate extracts it.
    Message(const char* context, const char* source);

    // Text shown as it is in every language: a path, an OS or SQLite message, a step's own
    // output, or text stored before messages were encoded.
    static Message plain(const QString& text);

    // parts shown one after the other with separator between them; empty parts are left out.
    static Message joined(const QList<Message>& parts, const QString& separator);

    // Fills the lowest-numbered placeholder not filled yet, like QString::arg. A nested
    // message is translated together with this one.
    Message& arg(const QString& text);
    Message& arg(qint64 number);
    Message& arg(const Message& nested);

    bool isEmpty() const { return m_kind == Kind::Empty; }

    // The message in the current interface language.
    QString text() const;

    // The stored form: an empty string for the empty message, the text itself for plain text
    // that does not start with '{', and compact JSON otherwise, for example
    // {"a":["3"],"c":"Planner","s":"new since run %1"} or {"j":"; ","m":[…]}.
    QString encode() const;

    // Reads what encode() wrote. Anything else, such as plain text saved by older versions,
    // comes back as plain text, so decode never fails.
    static Message decode(const QString& stored);

    bool operator==(const Message& other) const;
    bool operator!=(const Message& other) const { return !(*this == other); }

private:
    enum class Kind { Empty, Plain, Translatable, Joined };

    QJsonValue toJson() const;  // one node of the encoded form, see fromJson in message.cpp

    Kind m_kind = Kind::Empty;
    QByteArray m_context;    // Translatable
    QByteArray m_source;     // Translatable
    QString m_text;          // Plain: the text; Joined: the separator
    QList<Message> m_parts;  // Translatable: the arguments; Joined: the parts
};

}  // namespace cairn
