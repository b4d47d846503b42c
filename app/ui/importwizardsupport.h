#pragma once

// Small helpers shared by the import wizard's page files (not a public API).

#include "importtypes.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QString>

namespace nt::WizardSupport {

template <typename W> W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

inline QLabel *wrapped(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

inline void dim(QWidget *w)
{
    w->setForegroundRole(QPalette::PlaceholderText);
}

// A problem on a page: plain words in a tinted box that reads in light and dark palettes alike.
inline QLabel *problemLabel(QLabel *label)
{
    wrapped(label);
    label->setStyleSheet(QStringLiteral("QLabel { background: rgba(198, 40, 40, 0.10); border: 1px solid "
                                        "rgba(198, 40, 40, 0.55); border-radius: 4px; padding: 8px; }"));
    label->hide();
    return label;
}

struct FieldText
{
    ImportField field;
    const char *key; // objectName suffix: mapTitle, confidenceTitle, exampleTitle
    const char *label;
};

// In the order a person reads a todo; the key (only for telling rows apart) last.
constexpr FieldText FieldTexts[] = {
    {ImportField::Title, "Title", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Title")},
    {ImportField::Notes, "Notes", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Notes")},
    {ImportField::Completed, "Completed", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Completed")},
    {ImportField::CompletedAt, "CompletedAt", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Completed at")},
    {ImportField::DueAt, "Due", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Due")},
    {ImportField::CreatedAt, "Created", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Created")},
    {ImportField::UpdatedAt, "Updated", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Updated")},
    {ImportField::Priority, "Priority", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Priority")},
    {ImportField::ListName, "List", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "List")},
    {ImportField::SourceKey, "Key", QT_TRANSLATE_NOOP("nt::ImportFoundPage", "Key")},
};

inline QString fieldLabel(ImportField field)
{
    for (const FieldText &f : FieldTexts)
        if (f.field == field)
            return QCoreApplication::translate("nt::ImportFoundPage", f.label);
    return {};
}

// The plan's entry for a field, mapped or not.
inline const ColumnMapping *entryFor(const ImportPlan &plan, ImportField field)
{
    for (const ColumnMapping &m : plan.mappings)
        if (m.field == field)
            return &m;
    return nullptr;
}

// "1 row", "20,000 rows": a count beside a name, where a plural form is not worth a numerus entry.
inline QString rowsText(qint64 n)
{
    return n == 1 ? QCoreApplication::translate("nt::ImportWizard", "1 row")
                  : QCoreApplication::translate("nt::ImportWizard", "%1 rows").arg(QLocale().toString(n));
}

inline QString todosText(qint64 n)
{
    return n == 1 ? QCoreApplication::translate("nt::ImportWizard", "1 todo")
                  : QCoreApplication::translate("nt::ImportWizard", "%1 todos").arg(QLocale().toString(n));
}

} // namespace nt::WizardSupport
