#include "mappingguesser.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace nt {

namespace {

constexpr ImportField AllFields[] = {
    ImportField::SourceKey,   ImportField::Title,    ImportField::Notes,     ImportField::Completed,
    ImportField::CompletedAt, ImportField::DueAt,    ImportField::CreatedAt, ImportField::UpdatedAt,
    ImportField::Priority,    ImportField::ListName,
};

// SQLite's column affinity rules (https://www.sqlite.org/datatype3.html, 3.1).
enum class Affinity { Integer, Text, Blob, Real, Numeric };

Affinity affinityOf(const QString &declared)
{
    const QString t = declared.toUpper();
    if (t.contains(QLatin1String("INT")))
        return Affinity::Integer;
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) ||
        t.contains(QLatin1String("TEXT")))
        return Affinity::Text;
    if (t.isEmpty() || t.contains(QLatin1String("BLOB")))
        return Affinity::Blob;
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) ||
        t.contains(QLatin1String("DOUB")))
        return Affinity::Real;
    return Affinity::Numeric; // BOOLEAN, DATETIME, DATE, NUMERIC, DECIMAL...
}

// What a column's declared type and sample values look like.
struct Shape
{
    Affinity affinity = Affinity::Blob;
    int total = 0, zeros = 0, booleans = 0, statusWords = 0, priorityWords = 0, smallIntegers = 0;
    int isoDates = 0, numbers = 0, text = 0;
    int epochs[3] = {0, 0, 0}; // seconds, milliseconds, microseconds, by magnitude

    int epochCount() const { return epochs[0] + epochs[1] + epochs[2]; }
    bool numeric() const { return affinity != Affinity::Text && affinity != Affinity::Blob; }
    bool hasDates() const { return isoDates + epochCount() > 0; }
    double share(int n) const { return total ? double(n) / total : 0; }

    // A single magnitude for every non-zero number: the epoch encoding it implies.
    ValueEncoding epochEncoding() const
    {
        static constexpr ValueEncoding encodings[] = {
            ValueEncoding::EpochSeconds, ValueEncoding::EpochMilliseconds, ValueEncoding::EpochMicroseconds};
        for (int i = 0; i < 3; ++i)
            if (epochs[i] > 0 && epochs[i] == numbers - zeros && isoDates == 0)
                return encodings[i];
        return ValueEncoding::Auto;
    }
};

// "a|b c|d" as a list of words (or phrases).
QStringList words(const char *pipeSeparated)
{
    return QString::fromLatin1(pipeSeparated).split(QLatin1Char('|'));
}

Shape shapeOf(const SourceColumn &column)
{
    static const QStringList booleanWords = words("0|1|true|false|t|f|yes|no|y|n");
    static const QStringList statusWords =
        words("done|completed|complete|finished|closed|resolved|open|todo|to do|pending|active|in progress|"
              "in_progress|new|cancelled|canceled|waiting|started|needs-action|in-process|archived");
    static const QStringList priorityWords = words("low|medium|normal|high|urgent|critical|none");
    static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    static const QRegularExpression iso(
        QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression letter(QStringLiteral("\\p{L}"));

    Shape shape;
    shape.affinity = affinityOf(column.declaredType);
    for (const QString &sample : column.samples) {
        const QString s = sample.trimmed().toLower();
        ++shape.total;
        if (booleanWords.contains(s))
            ++shape.booleans;
        if (number.match(s).hasMatch()) {
            ++shape.numbers;
            const double value = std::abs(s.toDouble());
            if (value == 0)
                ++shape.zeros;
            if (value <= 10 && value == std::floor(value))
                ++shape.smallIntegers;
            if (value >= 1e9 && value < 1e11)
                ++shape.epochs[0];
            else if (value >= 1e11 && value < 1e14)
                ++shape.epochs[1];
            else if (value >= 1e14 && value < 1e17)
                ++shape.epochs[2];
        } else if (iso.match(s).hasMatch()) {
            ++shape.isoDates;
        } else if (statusWords.contains(s)) {
            ++shape.statusWords;
        } else if (priorityWords.contains(s)) {
            ++shape.priorityWords;
        } else if (letter.match(s).hasMatch()) {
            ++shape.text;
        }
    }
    return shape;
}

// How well a column's type and samples fit a kind of field, 0..1.
double textFit(const Shape &s)
{
    if (s.total == 0)
        return s.affinity == Affinity::Text ? 1.0 : s.affinity == Affinity::Blob ? 0.9 : 0.3;
    const double words = s.share(s.text + s.statusWords + s.priorityWords);
    return words >= 0.5 ? 1.0 : 0.3 + words;
}

double completedFit(const Shape &s)
{
    if (s.total == 0)
        return s.numeric() ? 0.95 : s.affinity == Affinity::Text ? 0.7 : 0.6;
    if (s.hasDates())
        return 0.2; // a time, not a flag: see the completion-time rule in candidates()
    const double flags = s.share(s.booleans + s.statusWords);
    if (flags == 1)
        return 1.0;
    if (s.smallIntegers == s.total)
        return 0.6; // numeric states of unknown meaning (0/2/3...)
    return 0.3 + 0.6 * flags;
}

double dateFit(const Shape &s)
{
    if (s.total == 0)
        return s.affinity == Affinity::Blob ? 0.7 : 0.9;
    if (!s.hasDates())
        return 0.2;
    const double dates = s.share(s.isoDates + s.epochCount() + s.zeros);
    return dates == 1 ? 1.0 : 0.3 + 0.6 * dates;
}

double priorityFit(const Shape &s)
{
    if (s.total == 0)
        return s.numeric() ? 1.0 : s.affinity == Affinity::Text ? 0.8 : 0.7;
    return 0.4 + 0.6 * s.share(s.smallIntegers + s.priorityWords);
}

double listFit(const Shape &s)
{
    return s.numbers > 0 && s.numbers == s.total ? 0.2 : textFit(s); // a list *id* is not a list name
}

QStringList synonymsOf(ImportField field)
{
    switch (field) {
    case ImportField::Title:
        return words("title|name|summary|subject|text|task|content|label");
    case ImportField::Notes:
        return words("notes|note|description|desc|body|details|detail|memo|comment|comments");
    case ImportField::Completed:
        return words("completed|done|is_done|is_completed|complete|is_complete|finished|is_finished|checked|"
                     "is_checked|status|state");
    case ImportField::CompletedAt:
        return words("completed_at|done_at|finished_at|completion_date|completed_date|date_completed|"
                     "completed_on|completed_time|completion_time|done_date");
    case ImportField::DueAt:
        return words(
            "due|due_at|due_date|deadline|due_on|duedate|due_time|due_by|reminder|remind_at|reminder_at");
    case ImportField::CreatedAt:
        return words(
            "created|created_at|creation_date|date_created|inserted_at|created_time|ctime|created_on|"
            "create_time|creation_time|date_added|added_at");
    case ImportField::UpdatedAt:
        return words("updated|updated_at|modified|modified_at|last_modified|mtime|updated_time|updated_on|"
                     "update_time|modification_date|modified_time|changed_at|last_updated");
    case ImportField::Priority:
        return words("priority|prio|importance|urgency|pri");
    case ImportField::ListName:
        return words("list|list_name|folder|project|category|group|area|tag|tags|list_title|folder_name|"
                     "project_name|category_name|group_name");
    case ImportField::SourceKey:
        break;
    }
    return {};
}

// "dueDate", "Due Date" and "due-date" all become "due_date".
QString normalized(const QString &name)
{
    QString out;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isUpper() && i > 0 && (name.at(i - 1).isLower() || name.at(i - 1).isDigit()))
            out += QLatin1Char('_');
        out += c.isLetterOrNumber() ? c.toLower() : QLatin1Char('_');
    }
    return out.split(QLatin1Char('_'), Qt::SkipEmptyParts).join(QLatin1Char('_'));
}

// How much a column's name says it is `field`, 0..1.
double nameScore(const QString &name, const QString &tableStem, ImportField field)
{
    const QStringList synonyms = synonymsOf(field);
    if (synonyms.contains(name))
        return (name == QLatin1String("status") || name == QLatin1String("state")) ? 0.85 : 1.0;
    static const QStringList prefixes{QStringLiteral("todo_"), QStringLiteral("task_"),
                                      QStringLiteral("item_"), QStringLiteral("note_"),
                                      QStringLiteral("reminder_")};
    for (const QString &prefix : prefixes + QStringList{tableStem + QLatin1Char('_')})
        if (name.startsWith(prefix) && synonyms.contains(name.mid(prefix.size())))
            return 0.9;
    const QStringList words = name.split(QLatin1Char('_'));
    for (const QString &synonym : synonyms) {
        const QStringList parts = synonym.split(QLatin1Char('_'));
        if (std::all_of(parts.begin(), parts.end(), [&words](const QString &p) { return words.contains(p); }))
            return parts.size() > 1 ? 0.6 : 0.5;
    }
    return 0;
}

struct Candidate
{
    ImportField field;
    int column;
    double confidence;
    ValueEncoding encoding;
};

bool isDateField(ImportField f)
{
    return f == ImportField::CompletedAt || f == ImportField::DueAt || f == ImportField::CreatedAt ||
           f == ImportField::UpdatedAt;
}

QList<Candidate> candidates(const SourceTable &table, const QString &tableStem, int keyColumn)
{
    QList<Candidate> out;
    for (int i = 0; i < table.columns.size(); ++i) {
        if (i == keyColumn)
            continue;
        const QString name = normalized(table.columns.at(i).name);
        const Shape shape = shapeOf(table.columns.at(i));
        for (const ImportField field : AllFields) {
            double score = nameScore(name, tableStem, field);
            // "completed" holding times is when it was completed (Joplin's todo_completed, say).
            if (field == ImportField::CompletedAt && shape.hasDates())
                score = std::max(score, 0.85 * nameScore(name, tableStem, ImportField::Completed));
            if (score == 0 || field == ImportField::SourceKey)
                continue;
            double fit = 0;
            switch (field) {
            case ImportField::Title:
            case ImportField::Notes:
                fit = textFit(shape);
                break;
            case ImportField::Completed:
                fit = completedFit(shape);
                break;
            case ImportField::Priority:
                fit = priorityFit(shape);
                break;
            case ImportField::ListName:
                fit = listFit(shape);
                break;
            default:
                fit = dateFit(shape);
            }
            const double confidence = score * fit;
            if (confidence >= MappingGuesser::MinConfidence)
                out << Candidate{field, i, confidence,
                                 isDateField(field) ? shape.epochEncoding() : ValueEncoding::Auto};
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) {
        if (a.confidence != b.confidence)
            return a.confidence > b.confidence;
        if (a.field != b.field)
            return a.field < b.field;
        return a.column < b.column;
    });
    return out;
}

QString stemOf(const QString &tableName)
{
    QString stem = normalized(tableName);
    if (stem.endsWith(QLatin1Char('s')))
        stem.chop(1);
    return stem;
}

} // namespace

ImportPlan MappingGuesser::guessFor(const SourceTable &table)
{
    ImportPlan plan;
    plan.table = table.name;
    for (const ImportField field : AllFields) {
        ColumnMapping m;
        m.field = field;
        plan.mappings << m;
    }
    const auto slot = [&plan](ImportField f) -> ColumnMapping & { return plan.mappings[int(f)]; };
    const QString stem = stemOf(table.name);

    // The source key first: a primary key is what the old app itself used to tell rows apart.
    int keyColumn = -1;
    const auto pks = std::count_if(table.columns.begin(), table.columns.end(),
                                   [](const SourceColumn &c) { return c.primaryKey; });
    for (int i = 0; i < table.columns.size() && keyColumn < 0; ++i) {
        if (pks == 1 && table.columns.at(i).primaryKey) {
            keyColumn = i;
            slot(ImportField::SourceKey).confidence = 1.0;
            plan.keyIsUnique = true;
        }
    }
    for (int i = 0; i < table.columns.size() && keyColumn < 0; ++i) {
        const QString name = normalized(table.columns.at(i).name);
        if (name == QLatin1String("id") || name == QLatin1String("uuid") || name == QLatin1String("guid") ||
            name == stem + QLatin1String("_id")) {
            keyColumn = i;
            slot(ImportField::SourceKey).confidence = 0.7;
        }
    }
    if (keyColumn >= 0) {
        slot(ImportField::SourceKey).column = table.columns.at(keyColumn).name;
    } else if (!table.isView) {
        slot(ImportField::SourceKey).column = QStringLiteral("rowid");
        slot(ImportField::SourceKey).confidence = 0.5;
        plan.keyIsUnique = true;
    }

    QSet<int> usedColumns{keyColumn};
    for (const Candidate &c : candidates(table, stem, keyColumn)) {
        ColumnMapping &m = slot(c.field);
        if (!m.column.isEmpty() || usedColumns.contains(c.column))
            continue;
        m.column = table.columns.at(c.column).name;
        m.confidence = c.confidence;
        m.encoding = c.encoding;
        usedColumns.insert(c.column);
    }
    if (slot(ImportField::Title).column.isEmpty()) {
        for (int i = 0; i < table.columns.size(); ++i) {
            if (usedColumns.contains(i) || textFit(shapeOf(table.columns.at(i))) < 0.9)
                continue;
            slot(ImportField::Title).column = table.columns.at(i).name;
            slot(ImportField::Title).confidence = MinConfidence;
            break;
        }
    }
    return plan;
}

double MappingGuesser::tableScore(const SourceTable &table)
{
    if (table.isView || table.columns.isEmpty())
        return -1;
    const bool hasText = std::any_of(table.columns.begin(), table.columns.end(),
                                     [](const SourceColumn &c) { return textFit(shapeOf(c)) >= 0.9; });
    if (!hasText)
        return -1;
    const QString name = normalized(table.name);
    const QStringList words = name.split(QLatin1Char('_'));
    const auto has = [&words](std::initializer_list<const char *> any) {
        return std::any_of(any.begin(), any.end(),
                           [&words](const char *w) { return words.contains(QLatin1String(w)); });
    };
    double score = 0;
    if (has({"todo", "todos", "task", "tasks", "todoitem", "todoitems"}))
        score = words.size() == 1 ? 3 : 2.5;
    else if (has({"reminder", "reminders"}))
        score = 2.5;
    else if (has({"item", "items"}))
        score = words.size() == 1 ? 2 : 1.5;
    else if (name.contains(QLatin1String("todo")) || name.contains(QLatin1String("task")))
        score = 2; // TMTask, todolist...
    else if (has({"note", "notes"}))
        score = 1;
    if (table.rowCount > 0)
        score += 0.5; // an empty table is rarely the one a person means
    const ImportPlan plan = guessFor(table);
    for (const ColumnMapping &m : plan.mappings) {
        if (m.field == ImportField::Title)
            score += 2 * m.confidence;
        else if (m.field != ImportField::SourceKey && m.confidence >= 0.5)
            score += 0.3;
    }
    return score;
}

ImportPlan MappingGuesser::guess(const QList<SourceTable> &tables)
{
    const SourceTable *best = nullptr;
    double bestScore = -1;
    for (const SourceTable &table : tables) {
        const double score = tableScore(table);
        if (score < 0)
            continue;
        if (!best || score > bestScore + 1e-9 ||
            (std::abs(score - bestScore) <= 1e-9 && table.rowCount > best->rowCount)) {
            best = &table;
            bestScore = score;
        }
    }
    return best ? guessFor(*best) : ImportPlan{};
}

} // namespace nt
