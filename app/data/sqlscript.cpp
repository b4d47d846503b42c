#include "sqlscript.h"

#include <QRegularExpression>

namespace nt::SqlScript {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// A tokenizer that walks SQL text and reports, for each position, whether it is plain code.
// `onCode(i)` is called for every character outside strings, identifiers, comments and
// dollar-quoted bodies; it returns how many characters it consumed (0 = just this one).
template <typename OnCode>
void walk(const QString &s, OnCode onCode)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Doubled quotes inside are escapes; scanning to the next lone quote handles both.
            qsizetype j = i + 1;
            while (j < n) {
                if (s.at(j) == c) {
                    if (j + 1 < n && s.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            i = j + 1;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const qsizetype end = s.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end + 1;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = s.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c == QLatin1Char('$') && (i == 0 || !isIdentChar(s.at(i - 1)))) {
            // $$ or $tag$ opens a dollar-quoted body that runs to the same tag.
            qsizetype j = i + 1;
            while (j < n && isIdentChar(s.at(j)))
                ++j;
            if (j < n && s.at(j) == QLatin1Char('$')) {
                const QString tag = s.mid(i, j - i + 1);
                const qsizetype end = s.indexOf(tag, j + 1);
                i = end < 0 ? n : end + tag.size();
            } else {
                const qsizetype used = onCode(i);
                i += used > 0 ? used : 1;
            }
        } else {
            const qsizetype used = onCode(i);
            i += used > 0 ? used : 1;
        }
    }
}

bool isOnlyCommentsOrSpace(const QString &statement)
{
    bool code = false;
    walk(statement, [&](qsizetype i) {
        if (!statement.at(i).isSpace())
            code = true;
        return qsizetype(0);
    });
    // A statement made only of a string literal still counts as code; walk() skips literals, so
    // look for quote characters outside comments by checking what is left after removing comments.
    if (!code) {
        static const QRegularExpression comments(QStringLiteral("--[^\\n]*|/\\*.*?\\*/"),
                                                 QRegularExpression::DotMatchesEverythingOption);
        QString rest = statement;
        rest.remove(comments);
        code = !rest.trimmed().isEmpty();
    }
    return !code;
}

} // namespace

QStringList split(const QString &script)
{
    QStringList statements;
    qsizetype start = 0;
    int blockDepth = 0;    // BEGIN ... END inside CREATE TRIGGER (SQLite)
    bool inTrigger = false;
    auto wordAt = [&](qsizetype i, QLatin1String word) {
        if (i > 0 && isIdentChar(script.at(i - 1)))
            return false;
        if (script.mid(i, word.size()).compare(word, Qt::CaseInsensitive) != 0)
            return false;
        const qsizetype after = i + word.size();
        return after >= script.size() || !isIdentChar(script.at(after));
    };

    walk(script, [&](qsizetype i) -> qsizetype {
        const QChar c = script.at(i);
        if (isIdentStart(c) && (i == 0 || !isIdentChar(script.at(i - 1)))) {
            if (wordAt(i, QLatin1String("TRIGGER"))) {
                const QString head = script.mid(start, i - start).simplified().toUpper();
                if (head.startsWith(QLatin1String("CREATE")))
                    inTrigger = true;
            } else if (inTrigger && (wordAt(i, QLatin1String("BEGIN")) || wordAt(i, QLatin1String("CASE")))) {
                ++blockDepth;
            } else if (inTrigger && wordAt(i, QLatin1String("END"))) {
                --blockDepth;
            }
            qsizetype j = i;
            while (j < script.size() && isIdentChar(script.at(j)))
                ++j;
            return j - i;
        }
        if (c == QLatin1Char(';') && blockDepth <= 0) {
            const QString statement = script.mid(start, i - start);
            if (!isOnlyCommentsOrSpace(statement))
                statements << statement.trimmed();
            start = i + 1;
            inTrigger = false;
            blockDepth = 0;
        }
        return 0;
    });
    const QString tail = script.mid(start);
    if (!isOnlyCommentsOrSpace(tail))
        statements << tail.trimmed();
    return statements;
}

QList<Placeholder> placeholders(const QString &sql)
{
    QList<Placeholder> result;
    walk(sql, [&](qsizetype i) -> qsizetype {
        if (sql.at(i) != QLatin1Char(':'))
            return 0;
        if (i + 1 < sql.size() && sql.at(i + 1) == QLatin1Char(':'))
            return 2; // a cast
        if (i > 0 && sql.at(i - 1) == QLatin1Char(':'))
            return 0;
        if (i + 1 >= sql.size() || !isIdentStart(sql.at(i + 1)))
            return 0;
        qsizetype j = i + 1;
        while (j < sql.size() && isIdentChar(sql.at(j)))
            ++j;
        result.append({i, j - i, sql.mid(i + 1, j - i - 1)});
        return j - i;
    });
    return result;
}

} // namespace nt::SqlScript
