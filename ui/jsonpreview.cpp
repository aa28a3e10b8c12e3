#include "jsonpreview.h"

#include <QCoreApplication>
#include <QFile>
#include <QHeaderView>
#include <QList>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <string>

namespace cairn {

namespace {

// Builds the tree while nlohmann::json's SAX parser reads the document, so that each number
// keeps the text it has in the file. A parsed document stores 0.7068 as a double, which
// prints back as 0.70679999999999998, and integers above 2^53 lose digits.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    TreeBuilder(QTreeWidget* tree, int maxChildren) : m_tree(tree), m_maxChildren(maxChildren) {}

    // The parse error and its byte offset; empty when the document parsed.
    QString error() const { return m_error; }
    std::size_t errorOffset() const { return m_errorOffset; }

    bool null() override { return addScalar(QStringLiteral("null")); }
    bool boolean(bool value) override
    {
        return addScalar(value ? QStringLiteral("true") : QStringLiteral("false"));
    }
    bool number_integer(number_integer_t value) override { return addScalar(QString::number(value)); }
    bool number_unsigned(number_unsigned_t value) override { return addScalar(QString::number(value)); }
    // text is the number as written, also for integers too large for 64 bits.
    bool number_float(number_float_t, const string_t& text) override
    {
        return addScalar(QString::fromStdString(text));
    }
    bool string(string_t& value) override
    {
        return addScalar(QLatin1Char('"') + QString::fromStdString(value) + QLatin1Char('"'));
    }
    bool binary(binary_t&) override { return true; }  // only in binary formats, never in JSON

    bool start_object(std::size_t) override { return startContainer(false); }
    bool start_array(std::size_t) override { return startContainer(true); }
    bool end_object() override { return endContainer(); }
    bool end_array() override { return endContainer(); }
    bool key(string_t& key) override
    {
        m_key = QString::fromStdString(key);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& exception) override
    {
        // what() starts with "[json.exception.parse_error.101] ", which means nothing to a user.
        QString message = QString::fromUtf8(exception.what());
        const qsizetype bracket = message.indexOf(QLatin1String("] "));
        if (message.startsWith(QLatin1Char('[')) && bracket > 0)
            message = message.mid(bracket + 2);
        m_error = message;
        m_errorOffset = position;
        return false;
    }

private:
    // An object or array being read. item is null when its rows are not shown, because it
    // is past its parent's kMaxChildren or inside such a container.
    struct Container {
        QTreeWidgetItem* item = nullptr;
        bool isArray = false;
        qsizetype count = 0;
    };

    // Adds the row of the next value with text in the value column, or returns null when the
    // value is not shown.
    QTreeWidgetItem* addRow(const QString& text)
    {
        if (m_open.isEmpty())
            return new QTreeWidgetItem(m_tree, {JsonPreview::tr("(root)"), text});
        Container& parent = m_open.last();
        const qsizetype index = parent.count++;
        if (!parent.item || index >= m_maxChildren)
            return nullptr;
        const QString key = parent.isArray ? QStringLiteral("[%1]").arg(index) : m_key;
        return new QTreeWidgetItem(parent.item, {key, text});
    }

    bool addScalar(const QString& text)
    {
        addRow(text);
        return true;
    }

    bool startContainer(bool isArray)
    {
        m_open.append(Container{addRow(QString()), isArray, 0});
        return true;
    }

    // Writes the member or item count on the container's row and a last row for the children
    // past kMaxChildren.
    bool endContainer()
    {
        const Container container = m_open.takeLast();
        if (!container.item)
            return true;
        const int count = int(container.count);
        container.item->setText(
            1, container.isArray
                   ? QCoreApplication::translate("JsonPreview", "[%n items]", nullptr, count)
                   : QCoreApplication::translate("JsonPreview", "{%n members}", nullptr, count));
        if (count > m_maxChildren)
            new QTreeWidgetItem(container.item, {JsonPreview::tr("… %n more", nullptr, count - m_maxChildren)});
        return true;
    }

    QTreeWidget* m_tree;
    int m_maxChildren;
    QList<Container> m_open;  // from the root to the innermost open container
    QString m_key;            // the key of the next member of the innermost object
    QString m_error;
    std::size_t m_errorOffset = 0;
};

}  // namespace

JsonPreview::JsonPreview(QWidget* parent) : QWidget(parent), m_tree(new QTreeWidget(this))
{
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Key"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
}

bool JsonPreview::openFile(const QString& path, QString* error)
{
    clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }

    const QByteArray data = file.read(kMaxBytes);
    m_loadedBytes = data.size();
    TreeBuilder builder(m_tree, kMaxChildren);
    const bool parsed = nlohmann::json::sax_parse(data.cbegin(), data.cend(), &builder);
    if (!parsed) {
        m_tree->clear();
        if (error)
            *error = tr("%1 is not valid JSON: %2 at byte %3")
                         .arg(path, builder.error())
                         .arg(builder.errorOffset());
        return false;
    }
    if (QTreeWidgetItem* root = m_tree->topLevelItem(0))
        root->setExpanded(true);
    return true;
}

void JsonPreview::clear()
{
    m_loadedBytes = 0;
    m_tree->clear();
}

}  // namespace cairn
