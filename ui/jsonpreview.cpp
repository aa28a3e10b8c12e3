#include "jsonpreview.h"

#include <QCoreApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn {

namespace {

QString scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QCoreApplication::translate("JsonPreview", "[%n items]", nullptr,
                                           int(value.toArray().size()));
    case QJsonValue::Object:
        return QCoreApplication::translate("JsonPreview", "{%n members}", nullptr,
                                           int(value.toObject().size()));
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (document.isNull()) {
        if (error)
            *error = tr("%1 is not valid JSON: %2 at byte %3")
                         .arg(path, parseError.errorString())
                         .arg(parseError.offset);
        return false;
    }

    const QJsonValue root = document.isArray() ? QJsonValue(document.array())
                                               : QJsonValue(document.object());
    auto* rootItem = new QTreeWidgetItem(m_tree, {tr("(root)"), scalarText(root)});
    addChildren(rootItem, root);
    rootItem->setExpanded(true);
    return true;
}

void JsonPreview::clear()
{
    m_loadedBytes = 0;
    m_tree->clear();
}

void JsonPreview::addChildren(QTreeWidgetItem* parent, const QJsonValue& value)
{
    auto addChild = [this, parent](const QString& key, const QJsonValue& child) {
        auto* item = new QTreeWidgetItem(parent, {key, scalarText(child)});
        addChildren(item, child);
    };

    qsizetype total = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        total = object.size();
        int added = 0;
        for (auto it = object.begin(); it != object.end() && added < kMaxChildren; ++it, ++added)
            addChild(it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        total = array.size();
        for (int i = 0; i < array.size() && i < kMaxChildren; ++i)
            addChild(QStringLiteral("[%1]").arg(i), array.at(i));
    }
    if (total > kMaxChildren)
        new QTreeWidgetItem(parent, {tr("… %n more", nullptr, int(total - kMaxChildren))});
}

}  // namespace cairn
