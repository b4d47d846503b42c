#include "rowconverter.h"

#include "importids.h"
#include "valueconverter.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

namespace nt {

namespace {

qsizetype codePoints(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++n)
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
    return n;
}

// A source value's own text, for keys and for the created value as stored.
QString storedText(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QByteArray)
        return QStringLiteral("x'") + QString::fromLatin1(value.toByteArray().toHex()) + QLatin1Char('\'');
    return value.toString();
}

// `title` (one line, longer than the limit) cut to the limit, "…" included: at the last space when
// that keeps at least half, else hard (never between the halves of a UTF-16 pair).
QString shortened(const QString &title)
{
    const int room = Todo::MaxTitleLength - 1;
    qsizetype cut = title.lastIndexOf(QLatin1Char(' '), room);
    if (cut < room / 2) {
        cut = room;
        if (title.at(cut - 1).isHighSurrogate())
            --cut;
    }
    return title.left(cut).trimmed() + QChar(0x2026);
}

} // namespace

RowConverter::RowConverter(ImportPlan plan, QString fileFingerprint, QDateTime now)
    : m_plan(std::move(plan)), m_fingerprint(std::move(fileFingerprint)),
      m_now(QDateTime::fromMSecsSinceEpoch(
          now.isValid() ? now.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch(), Qt::UTC))
{
    m_indexes.fill(-1);
}

QString RowConverter::aliasFor(ImportField field)
{
    switch (field) {
    case ImportField::SourceKey:
        return QStringLiteral("f_source_key");
    case ImportField::Title:
        return QStringLiteral("f_title");
    case ImportField::Notes:
        return QStringLiteral("f_notes");
    case ImportField::Completed:
        return QStringLiteral("f_completed");
    case ImportField::CompletedAt:
        return QStringLiteral("f_completed_at");
    case ImportField::DueAt:
        return QStringLiteral("f_due_at");
    case ImportField::CreatedAt:
        return QStringLiteral("f_created_at");
    case ImportField::UpdatedAt:
        return QStringLiteral("f_updated_at");
    case ImportField::Priority:
        return QStringLiteral("f_priority");
    case ImportField::ListName:
        return QStringLiteral("f_list_name");
    }
    return {};
}

const std::array<int, RowConverter::FieldCount> &RowConverter::indexes(const QSqlRecord &record) const
{
    // Each field name costs a copy of the field: the count and the first name tell a new layout.
    if (record.count() != m_columns.size() ||
        (record.count() > 0 && record.fieldName(0) != m_columns.first())) {
        m_columns.clear();
        for (int i = 0; i < record.count(); ++i)
            m_columns << record.fieldName(i);
        m_indexes.fill(-1);
        for (int f = 0; f < FieldCount; ++f)
            for (int i = 0; i < record.count() && m_indexes[f] < 0; ++i)
                if (m_columns.at(i).compare(aliasFor(ImportField(f)), Qt::CaseInsensitive) == 0)
                    m_indexes[f] = i;
    }
    return m_indexes;
}

ImportRow RowConverter::convert(const QSqlRecord &record) const
{
    const std::array<int, FieldCount> &at = indexes(record);
    Values values;
    for (int f = 0; f < FieldCount; ++f)
        if (at[f] >= 0)
            values[f] = record.value(at[f]);
    return convert(values);
}

RowConverter::Values RowConverter::values(const QSqlQuery &query) const
{
    if (query.at() == 0 || m_columns.isEmpty())
        indexes(query.record());
    Values values;
    for (int f = 0; f < FieldCount; ++f)
        if (m_indexes[f] >= 0)
            values[f] = query.value(m_indexes[f]);
    return values;
}

ImportRow RowConverter::convert(const Values &values) const
{
    ImportRow row;
    auto value = [&values](ImportField f) -> const QVariant & { return values[int(f)]; };
    auto encoding = [this](ImportField f) {
        const ColumnMapping *m = m_plan.mapping(f);
        return m ? m->encoding : ValueEncoding::Auto;
    };
    auto warn = [&row](ImportField f, const QString &message) {
        if (!message.isEmpty())
            row.warnings.append({f, message});
    };
    auto time = [&](ImportField f) {
        const ConvertedTime t = ValueConverter::toDateTime(value(f), encoding(f), m_plan.naiveZone);
        warn(f, t.warning);
        return t;
    };
    auto reject = [&row](const QString &reason) {
        if (row.rejectReason.isEmpty())
            row.rejectReason = reason;
    };
    Todo &todo = row.todo;

    // Key and id.
    const QVariant key = value(ImportField::SourceKey);
    const QVariant created = value(ImportField::CreatedAt);
    if (key.isNull()) {
        reject(QStringLiteral("The row has no key"));
    } else {
        row.sourceKey = storedText(key);
        todo.id = ImportIds::todoId(m_plan.table, row.sourceKey,
                                    created.isNull() ? QString() : storedText(created), m_fingerprint);
    }

    // Title (and what it moves to the notes).
    const Converted<QString> rawTitle = ValueConverter::toText(value(ImportField::Title));
    warn(ImportField::Title, rawTitle.warning);
    static const QRegularExpression lineBreak(QStringLiteral("\\r\\n|[\\n\\r\\x{2028}\\x{2029}\\v\\f]"));
    const bool oneLine = std::none_of(rawTitle.value.cbegin(), rawTitle.value.cend(), [](QChar c) {
        return c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f' || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    });
    const QStringList lines = oneLine ? QStringList{rawTitle.value} : rawTitle.value.split(lineBreak);
    qsizetype first = 0;
    while (first < lines.size() && lines.at(first).simplified().isEmpty())
        ++first;
    QString moved;
    if (first < lines.size()) {
        todo.title = lines.at(first).simplified();
        moved = lines.mid(first + 1).join(QLatin1Char('\n')).trimmed();
    }
    if (todo.title.isEmpty()) {
        reject(QStringLiteral("The title is empty"));
    } else if (todo.title.size() > Todo::MaxTitleLength) {
        todo.title = shortened(todo.title);
        moved = rawTitle.value.trimmed();
        warn(ImportField::Title,
             QStringLiteral("Title shortened to %1 characters; the full text is in the notes")
                 .arg(Todo::MaxTitleLength));
    } else if (!moved.isEmpty()) {
        warn(ImportField::Title,
             QStringLiteral("The title had more than one line; the other lines are at the top "
                            "of the notes"));
    }

    // Notes.
    const Converted<QString> notes = ValueConverter::toText(value(ImportField::Notes));
    warn(ImportField::Notes, notes.warning);
    todo.notes = moved.isEmpty()         ? notes.value
                 : notes.value.isEmpty() ? moved
                                         : moved + QStringLiteral("\n\n") + notes.value;
    if (const qsizetype n = codePoints(todo.notes); n > MaxNotesLength)
        reject(QStringLiteral("The notes are too long (%1 characters; at most %2 can be imported)")
                   .arg(n)
                   .arg(MaxNotesLength));

    // Completion.
    const QVariant doneValue = value(ImportField::Completed);
    const Converted<bool> done = ValueConverter::toBool(doneValue, encoding(ImportField::Completed));
    const int doneType = doneValue.metaType().id();
    const bool doneBlank =
        doneValue.isNull() || ((doneType == QMetaType::QString || doneType == QMetaType::QByteArray) &&
                               doneValue.toString().trimmed().isEmpty());
    const bool doneKnown = !doneBlank && done.warning.isEmpty();
    const ConvertedTime completedAt = time(ImportField::CompletedAt);
    if (doneKnown) {
        todo.completed = done.value;
        if (done.value)
            todo.completedAt = completedAt.utc;
        else if (completedAt.utc.isValid())
            warn(ImportField::CompletedAt,
                 QStringLiteral("The row is not marked done, so its completion time %1 was left out")
                     .arg(completedAt.utc.toString(Qt::ISODateWithMs)));
    } else {
        todo.completed = completedAt.utc.isValid();
        todo.completedAt = completedAt.utc;
        if (!done.warning.isEmpty() && todo.completed)
            warn(ImportField::Completed,
                 QStringLiteral("Unknown completion value %1; imported as done, because the row has a "
                                "completion time")
                     .arg(ValueConverter::quoted(ValueConverter::toText(doneValue).value.trimmed())));
        else
            warn(ImportField::Completed, done.warning);
    }

    // Times.
    const ConvertedTime due = time(ImportField::DueAt);
    todo.dueAt = due.utc;
    todo.dueAllDay = due.utc.isValid() && due.dateOnly;
    const ConvertedTime createdAt = time(ImportField::CreatedAt);
    todo.createdAt = createdAt.utc.isValid() ? createdAt.utc : m_now;
    const ConvertedTime updatedAt = time(ImportField::UpdatedAt);
    todo.updatedAt = updatedAt.utc.isValid() ? updatedAt.utc : todo.createdAt;

    // Priority and list.
    const Converted<int> priority = ValueConverter::toPriority(
        value(ImportField::Priority), encoding(ImportField::Priority), m_priorityScale);
    warn(ImportField::Priority, priority.warning);
    todo.priority = priority.value;
    const Converted<QString> list = ValueConverter::toText(value(ImportField::ListName));
    warn(ImportField::ListName, list.warning);
    row.listName = list.value.trimmed();
    return row;
}

QByteArray RowConverter::canonicalText(const Todo &todo)
{
    auto counted = [](QByteArray &out, const QString &text) {
        out += QByteArray::number(codePoints(text));
        out += ':';
        out += text.toUtf8();
    };
    auto ms = [](QByteArray &out, const QDateTime &time) {
        if (time.isValid())
            out += QByteArray::number(time.toMSecsSinceEpoch());
    };
    QByteArray out;
    out.reserve(96 + todo.title.size() + todo.notes.size());
    out += todo.id.toByteArray(QUuid::WithoutBraces);
    out += '|';
    counted(out, todo.title);
    out += '|';
    counted(out, todo.notes);
    out += todo.completed ? "|1|" : "|0|";
    ms(out, todo.completedAt);
    out += '|';
    ms(out, todo.dueAt);
    out += todo.dueAllDay && todo.dueAt.isValid() ? "|1|" : "|0|";
    out += QByteArray::number(todo.priority);
    out += '|';
    ms(out, todo.createdAt);
    return out;
}

QByteArray RowConverter::checksum(const Todo &todo)
{
    return QCryptographicHash::hash(canonicalText(todo), QCryptographicHash::Sha256).toHex();
}

} // namespace nt
