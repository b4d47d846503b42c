#pragma once

#include "result.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace nt {

// A private, consistent, read-only copy of an old SQLite file: everything the importer reads comes
// from here, never from the file itself.
//
// Contract of open():
// - The source is never changed: its bytes and modification time are the same afterwards. It is
//   opened with SQLite's read-only flag and copied once with `VACUUM INTO` (one read transaction, so
//   a file with a `-wal` beside it, or one a running program is writing, is copied as it was at one
//   moment, committed changes in the `-wal` included). The only thing SQLite may add beside a WAL
//   file whose `-wal` exists but whose `-shm` does not is that `-shm` index (SQLite needs it to read
//   the `-wal`); a WAL file without a `-wal` is opened immutable, so nothing is created beside it.
// - Bad input is recognised before SQLite sees the file, each with its own message that says what
//   happened and what to do: no path, no file (NotFound), a folder or not a regular file, no read
//   permission (Permission), an empty file, a file that is not SQLite (it says what it looks like),
//   a SQLite file cut short (InvalidInput). Then SQLite's own checks: damaged (`PRAGMA quick_check`
//   fails, or SQLite says malformed: InvalidInput), locked by a writer for longer than
//   `busyTimeoutMs` (Timeout: "is being written by another program right now"), no room for the
//   copy (Io).
// - The copy lives in a private temporary folder (mode 0700) removed with this object.
class SourceSnapshot
{
public:
    static constexpr int DefaultBusyTimeoutMs = 5000;

    static Result<std::unique_ptr<SourceSnapshot>> open(const QString &path,
                                                        int busyTimeoutMs = DefaultBusyTimeoutMs);
    ~SourceSnapshot();
    SourceSnapshot(const SourceSnapshot &) = delete;
    SourceSnapshot &operator=(const SourceSnapshot &) = delete;

    // The source file as given, made absolute.
    QString sourcePath() const { return m_sourcePath; }
    // The private copy (for tests and diagnostics; read it through connectionName()).
    QString snapshotPath() const { return m_snapshotPath; }

    // A read-only QSQLITE connection on the copy, owned by this object and removed with it. Like every
    // QSqlDatabase connection it belongs to the thread that called open(): use it from that thread
    // only, and let every QSqlQuery on it end before this object does.
    QString connectionName() const { return m_connectionName; }

    // A stable text identity of the file (lower-case hex SHA-256 of the CREATE statements of its
    // tables, sqlite_* internal tables left out, in name order). It does not change when rows are
    // added, edited or removed, but does when the old app changes its schema. It only tells apart
    // rows that have no creation time (see ImportIds::todoId); never use it to recognise a file.
    QString fingerprint() const { return m_fingerprint; }

private:
    SourceSnapshot() = default;

    QString m_sourcePath;
    QString m_snapshotPath;
    QString m_connectionName;
    QString m_fingerprint;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace nt
