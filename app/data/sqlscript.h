#pragma once

#include <QStringList>

namespace nt::SqlScript {

// Splits a migration file into single statements at top-level ';'. Understands what our migrations
// use: '...' strings, "..." identifiers, -- and /* */ comments, PostgreSQL $tag$ bodies, and
// SQLite's CREATE TRIGGER ... BEGIN ... END bodies. Comments are kept with the statement they
// precede; statements that are only whitespace or comments are dropped.
QStringList split(const QString &script);

// Where each :name placeholder outside strings, identifiers and comments starts, with its name.
// "::" casts are not placeholders.
struct Placeholder
{
    qsizetype position; // index of the ':'
    qsizetype length;   // including the ':'
    QString name;
};
QList<Placeholder> placeholders(const QString &sql);

} // namespace nt::SqlScript
