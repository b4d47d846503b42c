<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConflictLog</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Erledigt am</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeit</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Whole change</source>
        <translation>Ganze Änderung</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>nicht gelöscht</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>ConnectionError</name>
    <message>
        <source>%1 asks for a password. Enter it, or save it in the connection profile.</source>
        <translation>%1 verlangt ein Passwort. Geben Sie es ein oder speichern Sie es im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The password for the role “%1” was not accepted, or there is no such role. Copy the connection string again from the Neon console (Connect), or reset the role&apos;s password there.</source>
        <translation>Das Passwort für die Rolle „%1“ wurde nicht angenommen, oder diese Rolle gibt es nicht. Kopieren Sie die Verbindungszeichenfolge erneut aus der Neon-Konsole (Connect) oder setzen Sie dort das Passwort der Rolle zurück.</translation>
    </message>
    <message>
        <source>%1 did not offer SCRAM channel binding, which this profile requires. Neon offers it on both endpoints; another server may need channel_binding=prefer.</source>
        <translation>%1 hat keine SCRAM-Kanalbindung angeboten, die dieses Profil verlangt. Neon bietet sie an beiden Endpunkten an; ein anderer Server braucht eventuell channel_binding=prefer.</translation>
    </message>
    <message>
        <source>Neon has no endpoint “%1”. Check the host name: copy the connection string again from the Neon console.</source>
        <translation>Neon kennt keinen Endpunkt „%1“. Prüfen Sie den Hostnamen: Kopieren Sie die Verbindungszeichenfolge erneut aus der Neon-Konsole.</translation>
    </message>
    <message>
        <source>There is no role “%1” on %2. Check the user name in the connection string, or create the role in the Neon console (Roles).</source>
        <translation>Auf %2 gibt es keine Rolle „%1“. Prüfen Sie den Benutzernamen in der Verbindungszeichenfolge oder legen Sie die Rolle in der Neon-Konsole an (Roles).</translation>
    </message>
    <message>
        <source>There is no database “%1” on %2. Check the database name, or create it in the Neon console (Databases).</source>
        <translation>Auf %2 gibt es keine Datenbank „%1“. Prüfen Sie den Datenbanknamen oder legen Sie sie in der Neon-Konsole an (Databases).</translation>
    </message>
    <message>
        <source>%1 accepts encrypted connections only. Set sslmode to verify-full (the default for Neon) in the connection profile.</source>
        <translation>%1 nimmt nur verschlüsselte Verbindungen an. Setzen Sie sslmode im Verbindungsprofil auf verify-full (die Voreinstellung für Neon).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not for “%1”: someone may be in the way, or the host name is wrong. Use the host name exactly as the Neon console shows it.</source>
        <translation>Das Zertifikat des Servers gilt nicht für „%1“: Jemand könnte sich dazwischengeschaltet haben, oder der Hostname ist falsch. Verwenden Sie den Hostnamen genau so, wie die Neon-Konsole ihn zeigt.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate for “%1” is not signed by an authority this computer trusts. Neon&apos;s certificates are signed by authorities in the system&apos;s certificate bundle, which the app uses for Neon hosts unless sslrootcert says otherwise: check the sslrootcert setting.</source>
        <translation>Das Zertifikat des Servers für „%1“ ist nicht von einer Stelle signiert, der dieser Computer vertraut. Neons Zertifikate sind von Stellen aus den Zertifikaten des Systems signiert, die die App für Neon-Hosts verwendet, sofern sslrootcert nichts anderes angibt: Prüfen Sie die Einstellung sslrootcert.</translation>
    </message>
    <message>
        <source>%1 does not offer encryption, and this profile requires it. Neon always does: check the host name and port.</source>
        <translation>%1 bietet keine Verschlüsselung an, dieses Profil verlangt sie aber. Neon bietet sie immer an: Prüfen Sie Hostnamen und Port.</translation>
    </message>
    <message>
        <source>The name “%1” could not be found. Check the host name, and that this computer is online.</source>
        <translation>Der Name „%1“ wurde nicht gefunden. Prüfen Sie den Hostnamen und ob dieser Computer online ist.</translation>
    </message>
    <message>
        <source>%1 refused the connection. Check the host name and port; if they are right, the server is not accepting connections now.</source>
        <translation>%1 hat die Verbindung abgelehnt. Prüfen Sie Hostnamen und Port; stimmen sie, nimmt der Server gerade keine Verbindungen an.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check your network; a Neon compute that was asleep can also take a few seconds to wake: try again.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihr Netzwerk; eine schlafende Neon-Datenbank braucht auch einige Sekunden zum Aufwachen: Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 has too many open connections. Close other programs that use this database, or use the pooled endpoint (host name with -pooler).</source>
        <translation>%1 hat zu viele offene Verbindungen. Schließen Sie andere Programme, die diese Datenbank nutzen, oder verwenden Sie den Pooler-Endpunkt (Hostname mit -pooler).</translation>
    </message>
    <message>
        <source>The Neon database is waking up and did not answer yet. Try again in a few seconds.</source>
        <translation>Die Neon-Datenbank wacht gerade auf und hat noch nicht geantwortet. Versuchen Sie es in einigen Sekunden erneut.</translation>
    </message>
    <message>
        <source>%1 closed the connection while it was being made. Check your network, and try again.</source>
        <translation>%1 hat die Verbindung während des Aufbaus geschlossen. Prüfen Sie Ihr Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not connect to %1. Check the connection profile and your network.</source>
        <translation>Keine Verbindung zu %1. Prüfen Sie das Verbindungsprofil und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>The database refused the change: the todo belongs to another role. Sign in as the role that created it.</source>
        <translation>Die Datenbank hat die Änderung abgelehnt: Die Aufgabe gehört einer anderen Rolle. Melden Sie sich mit der Rolle an, die sie angelegt hat.</translation>
    </message>
    <message>
        <source>The database role has no permission for this. Ask the project&apos;s owner to grant it.</source>
        <translation>Die Datenbankrolle hat dafür keine Berechtigung. Bitten Sie den Eigentümer des Projekts, sie zu erteilen.</translation>
    </message>
    <message>
        <source>The connection to the database was lost before it answered, so whether the change was saved is not known: look again once it is back.</source>
        <translation>Die Verbindung zur Datenbank brach ab, bevor sie antwortete; ob die Änderung gespeichert wurde, ist daher unbekannt: Sehen Sie nach, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>Neon could not tell which database you mean: the connection did not send the host name. Use the host name exactly as the Neon console shows it (not an IP address).</source>
        <translation>Neon konnte nicht erkennen, welche Datenbank gemeint ist: Die Verbindung hat den Hostnamen nicht übermittelt. Verwenden Sie den Hostnamen genau so, wie die Neon-Konsole ihn zeigt (keine IP-Adresse).</translation>
    </message>
</context>
<context>
    <name>DueText</name>
    <message>
        <source>Overdue %1d</source>
        <translation>%1 Tg. überfällig</translation>
    </message>
    <message>
        <source>Overdue %1h</source>
        <translation>%1 Std. überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Neon Todo</source>
        <translation>Neon Todo</translation>
    </message>
    <message>
        <source>Neon Todo: your todos on Neon, with a local database when offline.</source>
        <translation>Neon Todo: Ihre Aufgaben auf Neon, offline in einer lokalen Datenbank.</translation>
    </message>
    <message>
        <source>Use the connection profile NAME.</source>
        <translation>Das Verbindungsprofil NAME verwenden.</translation>
    </message>
    <message>
        <source>Use the local database file PATH.</source>
        <translation>Die lokale Datenbankdatei PATH verwenden.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>An old SQLite todo file to import.</source>
        <translation>Eine alte SQLite-Aufgabendatei zum Importieren.</translation>
    </message>
    <message>
        <source>Bring your todos over?</source>
        <translation>Ihre Aufgaben übernehmen?</translation>
    </message>
    <message>
        <source>Neon Todo found an old todo file:
%1

Import its todos now? You can also do it later with File &gt; Import from SQLite…</source>
        <translation>Neon Todo hat eine alte Aufgabendatei gefunden:
%1

Ihre Aufgaben jetzt importieren? Sie können das auch später mit Datei &gt; Aus SQLite importieren … tun.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Fällig: %1</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Due: %1, %2</source>
        <comment>date, time</comment>
        <translation>Fällig: %1, %2 Uhr</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>List: %1</source>
        <translation>Liste: %1</translation>
    </message>
</context>
<context>
    <name>TodoCommands</name>
    <message>
        <source>Add “%1”</source>
        <translation>„%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Delete list “%1”</source>
        <translation>Liste „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>nt::ConflictLogDialog</name>
    <message>
        <source>Put back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Conflict log</source>
        <translation>Konfliktprotokoll</translation>
    </message>
    <message>
        <source>When the same field was changed on two devices, the later change was kept. The other value is listed here; “Put back” makes it the value again.</source>
        <translation>Wenn dasselbe Feld auf zwei Geräten geändert wurde, blieb die spätere Änderung. Der andere Wert steht hier; „Zurückholen“ macht ihn wieder zum Wert.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>(a list)</source>
        <translation>(eine Liste)</translation>
    </message>
    <message>
        <source>(a todo not shown)</source>
        <translation>(eine nicht angezeigte Aufgabe)</translation>
    </message>
    <message>
        <source>Put back on %1</source>
        <translation>Zurückgeholt am %1</translation>
    </message>
    <message>
        <source>No conflicts: nothing was replaced.</source>
        <translation>Keine Konflikte: nichts wurde ersetzt.</translation>
    </message>
    <message>
        <source>Put back %1</source>
        <translation>%1 zurückholen</translation>
    </message>
</context>
<context>
    <name>nt::ConnectionManager</name>
    <message>
        <source>Neon: %1 / %2</source>
        <translation>Neon: %1 / %2</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Lokale Datenbank</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>nt::ConnectionTester</name>
    <message>
        <source>The server accepted the connection but did not answer a simple query. Try again in a moment; if it keeps failing, check the database&apos;s status in the Neon console.</source>
        <translation>Der Server hat die Verbindung angenommen, aber eine einfache Abfrage nicht beantwortet. Versuchen Sie es gleich noch einmal; schlägt es weiterhin fehl, prüfen Sie den Status der Datenbank in der Neon-Konsole.</translation>
    </message>
    <message>
        <source>The server sent no answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>(unbekannte Version)</translation>
    </message>
    <message>
        <source>Neon Todo could not read which schema changes this database has. Check that this user may read its tables, or use the connection string of the database&apos;s owner.</source>
        <translation>Neon Todo konnte nicht lesen, welche Schemaänderungen diese Datenbank enthält. Prüfen Sie, ob dieser Benutzer ihre Tabellen lesen darf, oder verwenden Sie die Verbindungszeichenfolge des Datenbankbesitzers.</translation>
    </message>
    <message>
        <source>Schema change %1 (%2) in this database differs from the one this app carries, so Neon Todo will not use it. Restore the original migration or ask for help.</source>
        <translation>Die Schemaänderung %1 (%2) in dieser Datenbank weicht von der dieser App ab, daher verwendet Neon Todo die Datenbank nicht. Stellen Sie die ursprüngliche Migration wieder her oder holen Sie Hilfe.</translation>
    </message>
    <message>
        <source>This database was set up by a newer version of Neon Todo (schema change %1). Update Neon Todo to use it.</source>
        <translation>Diese Datenbank wurde von einer neueren Version von Neon Todo eingerichtet (Schemaänderung %1). Aktualisieren Sie Neon Todo, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>under 1 ms</source>
        <translation>unter 1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 over TLS (round trip %2).</source>
        <translation>Mit PostgreSQL %1 über TLS verbunden (Antwortzeit %2).</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1, unencrypted (round trip %2).</source>
        <translation>Mit PostgreSQL %1 verbunden, unverschlüsselt (Antwortzeit %2).</translation>
    </message>
    <message>
        <source>Schema up to date.</source>
        <translation>Schema ist aktuell.</translation>
    </message>
    <message>
        <source>The database has no Neon Todo tables yet; they are created when you use this profile.</source>
        <translation>Die Datenbank enthält noch keine Tabellen von Neon Todo; sie werden angelegt, sobald Sie dieses Profil verwenden.</translation>
    </message>
    <message>
        <source>%1 of %2 schema changes applied; the rest are applied when you use this profile.</source>
        <translation>%1 von %2 Schemaänderungen angewendet; die übrigen folgen, sobald Sie dieses Profil verwenden.</translation>
    </message>
</context>
<context>
    <name>nt::DetailPane</name>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Todo details</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>Hat ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due at a time</source>
        <translation>Zu einer Uhrzeit fällig</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Uhrzeit der Fälligkeit</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Select a todo to see its details.</source>
        <translation>Wählen Sie eine Aufgabe aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Rename todo</source>
        <translation>Aufgabe umbenennen</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>Priorität festlegen</translation>
    </message>
    <message>
        <source>Move to list</source>
        <translation>In Liste verschieben</translation>
    </message>
    <message>
        <source>No list</source>
        <translation>Keine Liste</translation>
    </message>
    <message>
        <source>Created %1 · changed %2</source>
        <translation>Erstellt %1 · geändert %2</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>Notizen bearbeiten</translation>
    </message>
    <message>
        <source>Set due date</source>
        <translation>Fälligkeitsdatum festlegen</translation>
    </message>
</context>
<context>
    <name>nt::ImportFilePage</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Datei zum Importieren wählen</translation>
    </message>
    <message>
        <source>The SQLite file your old todo app kept, for example todo_app_local.db. It is only read, never changed.</source>
        <translation>Die SQLite-Datei Ihrer alten Aufgaben-App, zum Beispiel todo_app_local.db. Sie wird nur gelesen, nie verändert.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>Path of a .db, .sqlite or .sqlite3 file</source>
        <translation>Pfad einer .db-, .sqlite- oder .sqlite3-Datei</translation>
    </message>
    <message>
        <source>Browse for the file to import</source>
        <translation>Nach der zu importierenden Datei suchen</translation>
    </message>
    <message>
        <source>Problem with the file</source>
        <translation>Problem mit der Datei</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Neon Todo recognises the files of Joplin, Thunderbird and Things 3. For any other todo app it guesses which table and columns hold the todos; the next pages show every guess, and you can change each one. Running the same import again later brings nothing over twice.</source>
        <translation>Neon Todo erkennt die Dateien von Joplin, Thunderbird und Things 3. Bei jeder anderen Aufgaben-App errät es, welche Tabelle und welche Spalten die Aufgaben enthalten; die nächsten Seiten zeigen jede Vermutung, und Sie können jede davon ändern. Wird derselbe Import später noch einmal ausgeführt, kommt nichts doppelt an.</translation>
    </message>
    <message>
        <source>About importing</source>
        <translation>Über den Import</translation>
    </message>
    <message>
        <source>Choose the SQLite file to import</source>
        <translation>Zu importierende SQLite-Datei wählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>nt::ImportFoundPage</name>
    <message>
        <source>What was found</source>
        <translation>Was gefunden wurde</translation>
    </message>
    <message>
        <source>Check the table that holds your todos and the column each field is read from. Change anything that looks wrong.</source>
        <translation>Prüfen Sie die Tabelle mit Ihren Aufgaben und die Spalte, aus der jedes Feld gelesen wird. Ändern Sie alles, was falsch aussieht.</translation>
    </message>
    <message>
        <source>Table with the todos</source>
        <translation>Tabelle mit den Aufgaben</translation>
    </message>
    <message>
        <source>Choose the table with your todos</source>
        <translation>Wählen Sie die Tabelle mit Ihren Aufgaben</translation>
    </message>
    <message>
        <source>What kind of file this is</source>
        <translation>Um welche Art von Datei es sich handelt</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Was fehlt</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Which column feeds each field</source>
        <translation>Aus welcher Spalte jedes Feld gefüllt wird</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Read from column</source>
        <translation>Gelesen aus Spalte</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>Wie sicher</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Spalte für %1</translation>
    </message>
    <message>
        <source>How sure for %1</source>
        <translation>Wie sicher für %1</translation>
    </message>
    <message>
        <source>Example for %1</source>
        <translation>Beispiel für %1</translation>
    </message>
    <message>
        <source>%1 (view, ignored)</source>
        <translation>%1 (Sicht, wird ignoriert)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Spalten: %1</translation>
    </message>
    <message>
        <source>No table in this file looks like a todo list. Choose the one that holds your todos.</source>
        <translation>Keine Tabelle in dieser Datei sieht wie eine Aufgabenliste aus. Wählen Sie die Tabelle, die Ihre Aufgaben enthält.</translation>
    </message>
    <message>
        <source>Recognised as %1. Its to-dos are read with Neon Todo&apos;s built-in mapping; notes, trashed items and other things that are not to-dos are left out.</source>
        <translation>Erkannt als %1. Die Aufgaben werden mit der eingebauten Zuordnung von Neon Todo gelesen; Notizen, Einträge im Papierkorb und alles andere, was keine Aufgabe ist, werden ausgelassen.</translation>
    </message>
    <message>
        <source>Not the file of an app Neon Todo knows, so the columns below are guessed from their names and values.</source>
        <translation>Diese Datei stammt von keiner App, die Neon Todo kennt; die Spalten unten sind daher aus ihren Namen und Werten erraten.</translation>
    </message>
    <message>
        <source>(row number)</source>
        <translation>(Zeilennummer)</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(nicht importiert)</translation>
    </message>
    <message>
        <source>built in for %1</source>
        <translation>eingebaut für %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>For example: %1</source>
        <translation>Zum Beispiel: %1</translation>
    </message>
    <message>
        <source>Choose the table that holds your todos to go on.</source>
        <translation>Wählen Sie die Tabelle mit Ihren Aufgaben, um fortzufahren.</translation>
    </message>
    <message>
        <source>Choose the column that holds the titles to go on: every todo needs one.</source>
        <translation>Wählen Sie die Spalte mit den Titeln, um fortzufahren: Jede Aufgabe braucht einen Titel.</translation>
    </message>
    <message>
        <source>row number</source>
        <translation>Zeilennummer</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>The mapping Neon Todo has for %1 files</source>
        <translation>Die Zuordnung, die Neon Todo für Dateien von %1 mitbringt</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation>zu %1 % sicher</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>Vermutung</translation>
    </message>
    <message>
        <source>%1% sure: check the example</source>
        <translation>zu %1 % sicher: Beispiel prüfen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Erledigt am</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>nt::ImportOptionsPage</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Where the todos go. The defaults suit most files.</source>
        <translation>Wohin die Aufgaben kommen. Die Voreinstellungen passen für die meisten Dateien.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>List for the imported todos</source>
        <translation>Liste für die importierten Aufgaben</translation>
    </message>
    <message>
        <source>Time zone for times without one</source>
        <translation>Zeitzone für Zeiten ohne Zeitzone</translation>
    </message>
    <message>
        <source>Where the todos go</source>
        <translation>Wohin die Aufgaben kommen</translation>
    </message>
    <message>
        <source>What will be imported</source>
        <translation>Was importiert wird</translation>
    </message>
    <message>
        <source>Keep the file&apos;s lists: each todo goes into the list of the same name (made when it does not exist yet). Or put every todo into one of your lists.</source>
        <translation>Die Listen der Datei beibehalten: Jede Aufgabe kommt in die Liste gleichen Namens (die angelegt wird, wenn es sie noch nicht gibt). Oder alle Aufgaben in eine Ihrer Listen legen.</translation>
    </message>
    <message>
        <source>Many old apps wrote times without a time zone (“2026-01-15 10:20”). They are taken as times in this zone.</source>
        <translation>Viele alte Apps haben Zeiten ohne Zeitzone gespeichert („2026-01-15 10:20“). Sie werden als Zeiten in dieser Zone gelesen.</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (dieser Computer)</translation>
    </message>
    <message>
        <source>Put the todos &amp;into:</source>
        <translation>Aufgaben &amp;ablegen in:</translation>
    </message>
    <message>
        <source>Times without a &amp;zone are in:</source>
        <translation>Zeiten ohne &amp;Zone gelten in:</translation>
    </message>
    <message>
        <source>Keep the file&apos;s lists</source>
        <translation>Listen der Datei beibehalten</translation>
    </message>
    <message>
        <source>The todos go to %1.</source>
        <translation>Ziel der Aufgaben: %1.</translation>
    </message>
    <message>
        <source>The todos go to %1, as Neon Todo is not connected to Neon now.</source>
        <translation>Ziel der Aufgaben: %1, da Neon Todo gerade nicht mit Neon verbunden ist.</translation>
    </message>
    <message>
        <source>Ready to import %1 from “%2” in %3. Everything is written in one step: if anything goes wrong, or you cancel, nothing changes.</source>
        <translation>Bereit, %1 aus „%2“ zu importieren. Ziel: %3. Alles wird in einem Schritt geschrieben: Geht etwas schief oder brechen Sie ab, ändert sich nichts.</translation>
    </message>
</context>
<context>
    <name>nt::ImportPreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The first rows as they will be imported. ⚠ marks a value that was changed on the way in: point at it to see why.</source>
        <translation>Die ersten Zeilen so, wie sie importiert werden. ⚠ markiert einen Wert, der beim Einlesen geändert wurde: Zeigen Sie darauf, um den Grund zu sehen.</translation>
    </message>
    <message>
        <source>Preview summary</source>
        <translation>Zusammenfassung der Vorschau</translation>
    </message>
    <message>
        <source>The first rows after conversion</source>
        <translation>Die ersten Zeilen nach der Umwandlung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>The row&apos;s key in the file</source>
        <translation>Schlüssel der Zeile in der Datei</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Row %1 of the file</source>
        <translation>Zeile %1 der Datei</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Row %1 will not be imported: %2</source>
        <translation>Zeile %1 wird nicht importiert: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>The first %1 of %2 in “%3”.</source>
        <translation>Die ersten %1 von %2 in „%3“.</translation>
    </message>
    <message>
        <source>All %1 in “%2”.</source>
        <translation>Alle %1 in „%2“.</translation>
    </message>
    <message>
        <source>Values changed on the way in: %1 (marked ⚠).</source>
        <translation>Beim Einlesen geänderte Werte: %1 (mit ⚠ markiert).</translation>
    </message>
    <message>
        <source>Rows that cannot be imported: %1 (the reason is shown in place of the title).</source>
        <translation>Zeilen, die nicht importiert werden können: %1 (der Grund steht anstelle des Titels).</translation>
    </message>
    <message>
        <source>Every value shown comes over as it is.</source>
        <translation>Jeder gezeigte Wert wird unverändert übernommen.</translation>
    </message>
</context>
<context>
    <name>nt::ImportResultPage</name>
    <message>
        <source>Not imported, with the reason:</source>
        <translation>Nicht importiert, mit Grund:</translation>
    </message>
    <message>
        <source>Save rejects as CSV…</source>
        <translation>Abgelehnte Zeilen als CSV speichern …</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What was imported, and what was not.</source>
        <translation>Was importiert wurde und was nicht.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Values with a warning</source>
        <translation>Werte mit Warnung</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Rows that were not imported, with the reason</source>
        <translation>Nicht importierte Zeilen, mit Grund</translation>
    </message>
    <message>
        <source>Save rejects as CSV</source>
        <translation>Abgelehnte Zeilen als CSV speichern</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importiert:</translation>
    </message>
    <message>
        <source>Already there:</source>
        <translation>Bereits vorhanden:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Abgelehnt:</translation>
    </message>
    <message>
        <source>Values with a warning:</source>
        <translation>Werte mit Warnung:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Prüfung:</translation>
    </message>
    <message>
        <source>From “%1” into %2.</source>
        <translation>Aus „%1“. Ziel: %2.</translation>
    </message>
    <message>
        <source>The import did not complete</source>
        <translation>Der Import wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Nothing was changed in %1. When the problem is solved, run the import again.</source>
        <translation>Das Ziel ist unverändert: %1. Führen Sie den Import erneut aus, sobald das Problem behoben ist.</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>You cancelled the import. Nothing was changed in %1: no todo was added. Run the import again whenever you like.</source>
        <translation>Sie haben den Import abgebrochen. Es wurde keine Aufgabe hinzugefügt; das Ziel ist unverändert: %1. Sie können den Import jederzeit erneut ausführen.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importiert</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>Nichts Neues zu importieren</translation>
    </message>
    <message>
        <source>No todos imported</source>
        <translation>Keine Aufgaben importiert</translation>
    </message>
    <message>
        <source>It took less than a second.</source>
        <translation>Das hat weniger als eine Sekunde gedauert.</translation>
    </message>
    <message>
        <source>It took %1 s.</source>
        <translation>Das hat %1 s gedauert.</translation>
    </message>
    <message>
        <source>An earlier import of this file had brought over %1; they were left as they were.</source>
        <translation>Ein früherer Import dieser Datei hatte bereits %1 übernommen; sie blieben unverändert.</translation>
    </message>
    <message>
        <source>Cancel came too late: the import had already been written.</source>
        <translation>Der Abbruch kam zu spät: Der Import war bereits geschrieben.</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more: save them as CSV to see them all.</source>
        <translation>… und %1 weitere: Speichern Sie sie als CSV, um alle zu sehen.</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not save the rejects</source>
        <translation>Die abgelehnten Zeilen konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not write %1 (%2). Choose another folder and try again.</source>
        <translation>%1 konnte nicht geschrieben werden (%2). Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>nt::ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Everything is written in one step at the end: cancel at any time and nothing changes.</source>
        <translation>Alles wird am Ende in einem Schritt geschrieben: Sie können jederzeit abbrechen, ohne dass sich etwas ändert.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Was gerade geschieht</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <source>Rows done</source>
        <translation>Verarbeitete Zeilen</translation>
    </message>
    <message>
        <source>Rows per second</source>
        <translation>Zeilen pro Sekunde</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>checking and saving…</source>
        <translation>wird geprüft und gespeichert …</translation>
    </message>
    <message>
        <source>less than a second left</source>
        <translation>weniger als eine Sekunde übrig</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
</context>
<context>
    <name>nt::ImportWizard</name>
    <message>
        <source>Making a private copy of the file…</source>
        <translation>Eine private Kopie der Datei wird angelegt …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Opening the local database…</source>
        <translation>Die lokale Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>Reading, converting and writing your todos…</source>
        <translation>Ihre Aufgaben werden gelesen, umgewandelt und geschrieben …</translation>
    </message>
    <message>
        <source>Import from SQLite</source>
        <translation>Aus SQLite importieren</translation>
    </message>
    <message>
        <source>Import with these settings</source>
        <translation>Mit diesen Einstellungen importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Skip the checks and import with what Neon Todo found in the file</source>
        <translation>Die Prüfseiten überspringen und mit dem importieren, was Neon Todo in der Datei gefunden hat</translation>
    </message>
    <message>
        <source>This SQLite file has no tables, so there is nothing to import. Choose the file your old todo app saved its todos in.</source>
        <translation>Diese SQLite-Datei enthält keine Tabellen, es gibt also nichts zu importieren. Wählen Sie die Datei, in der Ihre alte Aufgaben-App ihre Aufgaben gespeichert hat.</translation>
    </message>
    <message>
        <source>your Neon database (%1)</source>
        <translation>Ihre Neon-Datenbank (%1)</translation>
    </message>
    <message>
        <source>the local database on this computer</source>
        <translation>die lokale Datenbank auf diesem Computer</translation>
    </message>
    <message>
        <source>Stopping the import… Nothing will be changed in %1.</source>
        <translation>Der Import wird angehalten … Das Ziel bleibt unverändert: %1.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>1 todo</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message>
        <source>%1 todos</source>
        <translation>%1 Aufgaben</translation>
    </message>
</context>
<context>
    <name>nt::MainWindow</name>
    <message>
        <source>Neon Todo</source>
        <translation>Neon Todo</translation>
    </message>
    <message>
        <source>Search todos</source>
        <translation>Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Deleted list “%1” and its todos. Undo with %2.</source>
        <translation>Liste „%1“ und ihre Aufgaben gelöscht. Rückgängig mit %2.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>New todo</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Complete / reopen</source>
        <translation>Erledigen / wieder öffnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe löschen</numerusform>
            <numerusform>%n Aufgaben löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n todo(s). Undo with %1.</source>
        <translation>
            <numerusform>%n Aufgabe gelöscht. Rückgängig mit %1.</numerusform>
            <numerusform>%n Aufgaben gelöscht. Rückgängig mit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Titel bearbeiten</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Niedrige Priorität</translation>
    </message>
    <message>
        <source>Medium priority</source>
        <translation>Mittlere Priorität</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Hohe Priorität</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Morgen fällig</translation>
    </message>
    <message>
        <source>Due next week</source>
        <translation>Nächste Woche fällig</translation>
    </message>
    <message>
        <source>Pick a due date…</source>
        <translation>Fälligkeitsdatum wählen …</translation>
    </message>
    <message>
        <source>Clear due date</source>
        <translation>Fälligkeitsdatum entfernen</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Zu „%1“ wechseln</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Show completed</source>
        <translation>Erledigte anzeigen</translation>
    </message>
    <message>
        <source>Manual order</source>
        <translation>Eigene Reihenfolge</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Todo</source>
        <translation>Auf&amp;gabe</translation>
    </message>
    <message>
        <source>Move to list</source>
        <translation>In Liste verschieben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Nach „%1“ verschieben</translation>
    </message>
    <message>
        <source>No list</source>
        <translation>Keine Liste</translation>
    </message>
    <message numerus="yes">
        <source>Reopen %n todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe wieder öffnen</numerusform>
            <numerusform>%n Aufgaben wieder öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Complete %n todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe erledigen</numerusform>
            <numerusform>%n Aufgaben erledigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reorder %n todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe verschieben</numerusform>
            <numerusform>%n Aufgaben verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Title there: “%1”. You typed: “%2”.</source>
        <translation>Titel dort: „%1“. Ihre Eingabe: „%2“.</translation>
    </message>
    <message>
        <source>The notes were changed there too.</source>
        <translation>Die Notizen wurden dort ebenfalls geändert.</translation>
    </message>
    <message>
        <source>It is completed there.</source>
        <translation>Dort ist sie erledigt.</translation>
    </message>
    <message>
        <source>It is open there.</source>
        <translation>Dort ist sie offen.</translation>
    </message>
    <message>
        <source>Priority there: %1. You chose: %2.</source>
        <translation>Priorität dort: %1. Ihre Wahl: %2.</translation>
    </message>
    <message>
        <source>Its due date was changed there.</source>
        <translation>Ihr Fälligkeitsdatum wurde dort geändert.</translation>
    </message>
    <message>
        <source>“%1” was deleted on another device.</source>
        <translation>„%1“ wurde auf einem anderen Gerät gelöscht.</translation>
    </message>
    <message>
        <source>“%1” was changed on another device before your change was saved.</source>
        <translation>„%1“ wurde auf einem anderen Gerät geändert, bevor Ihre Änderung gespeichert war.</translation>
    </message>
    <message>
        <source>Changed on another device</source>
        <translation>Auf einem anderen Gerät geändert</translation>
    </message>
    <message>
        <source>Bring it back with my change</source>
        <translation>Mit meiner Änderung wiederherstellen</translation>
    </message>
    <message>
        <source>Keep my change</source>
        <translation>Meine Änderung behalten</translation>
    </message>
    <message>
        <source>Leave it deleted</source>
        <translation>Gelöscht lassen</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Andere Version übernehmen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 — Neon Todo</source>
        <translation>%1 — Neon Todo</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No todos match “%1”&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Keine Aufgaben zu „%1“ gefunden&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nothing completed yet&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Noch nichts erledigt&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing to do&lt;/h2&gt;&lt;p&gt;Type a todo above and press Enter.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Nichts zu tun&lt;/h2&gt;&lt;p&gt;Oben eine Aufgabe eingeben und die Eingabetaste drücken.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;All clear here&lt;/h3&gt;&lt;p&gt;Nothing in this list right now.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Alles erledigt&lt;/h3&gt;&lt;p&gt;In dieser Liste steht gerade nichts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Set due date</source>
        <translation>Fälligkeitsdatum festlegen</translation>
    </message>
    <message>
        <source>Move to list…</source>
        <translation>In Liste verschieben …</translation>
    </message>
    <message>
        <source>Import from SQLite…</source>
        <translation>Aus SQLite importieren …</translation>
    </message>
    <message>
        <source>Import finished: %1 new todos.</source>
        <translation>Import abgeschlossen: %1 neue Aufgaben.</translation>
    </message>
    <message>
        <source>Waking the database at %1… (a Neon database that was asleep takes a few seconds)</source>
        <translation>Die Datenbank auf %1 wird geweckt … (eine schlafende Neon-Datenbank braucht einige Sekunden)</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Verbindung zu %1 wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Copy of %1 on this computer</source>
        <translation>Kopie von %1 auf diesem Computer</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Offline arbeiten</translation>
    </message>
    <message>
        <source>Conflict log…</source>
        <translation>Konfliktprotokoll …</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s) made offline.</source>
        <translation>
            <numerusform>%n offline gemachte Änderung gesendet.</numerusform>
            <numerusform>%n offline gemachte Änderungen gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n todo(s) deleted on another device came back because you changed them.</source>
        <translation>
            <numerusform>%n auf einem anderen Gerät gelöschte Aufgabe ist zurück, weil Sie sie geändert haben.</numerusform>
            <numerusform>%n auf einem anderen Gerät gelöschte Aufgaben sind zurück, weil Sie sie geändert haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed on two devices: the later change was kept, the other is in View &gt; Conflict log.</source>
        <translation>
            <numerusform>%n Wert wurde auf zwei Geräten geändert: die spätere Änderung blieb, die andere steht unter Ansicht &gt; Konfliktprotokoll.</numerusform>
            <numerusform>%n Werte wurden auf zwei Geräten geändert: die spätere Änderung blieb, die andere steht unter Ansicht &gt; Konfliktprotokoll.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nt::OfflineBanner</name>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n Änderung wartet</numerusform>
            <numerusform>Offline — %n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Working offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline-Arbeit — %n Änderung wartet</numerusform>
            <numerusform>Offline-Arbeit — %n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Go online</source>
        <translation>Online gehen</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to Neon — %n change(s) waiting</source>
        <translation>
            <numerusform>Verbindung zu Neon wird hergestellt — %n Änderung wartet</numerusform>
            <numerusform>Verbindung zu Neon wird hergestellt — %n Änderungen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nt::QuickAddBar</name>
    <message>
        <source>Add a todo</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Add a todo — e.g. “Pay rent tomorrow 9am !3 #home”</source>
        <translation>Aufgabe hinzufügen – z. B. „Miete zahlen tomorrow 9am !3 #zuhause“</translation>
    </message>
    <message>
        <source>What the new todo will be</source>
        <translation>So wird die neue Aufgabe angelegt</translation>
    </message>
    <message>
        <source>Press Enter to add. Dates like “fri 5pm”, !1–!3 for priority, #list for a list.</source>
        <translation>Eingabetaste fügt hinzu. Termin auf Englisch („fri 5pm“), Priorität !1–!3, Liste #name.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>“%1” · %2</source>
        <translation>„%1“ · %2</translation>
    </message>
</context>
<context>
    <name>nt::SettingsDialog</name>
    <message>
        <source>Connection settings</source>
        <translation>Verbindungseinstellungen</translation>
    </message>
    <message>
        <source>Use the &amp;local database only</source>
        <translation>Nur die &amp;lokale Datenbank verwenden</translation>
    </message>
    <message>
        <source>Keep your todos in the local database on this computer.</source>
        <translation>Aufgaben in der lokalen Datenbank auf diesem Computer speichern.</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>Dieses Profil &amp;verwenden</translation>
    </message>
    <message>
        <source>Save this profile and switch Neon Todo to its database.</source>
        <translation>Dieses Profil speichern und Neon Todo auf seine Datenbank umstellen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>New profile name</source>
        <translation>Name des neuen Profils</translation>
    </message>
    <message>
        <source>Name, for example my-laptop</source>
        <translation>Name, zum Beispiel mein-laptop</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Problem with the new profile name</source>
        <translation>Problem mit dem neuen Profilnamen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Paste the connection string from the Neon console (your project&apos;s Dashboard, Connect). The password moves to its own field and is kept in the keychain.</source>
        <translation>Fügen Sie die Verbindungszeichenfolge aus der Neon-Konsole ein (Dashboard Ihres Projekts, „Connect“). Das Passwort kommt in ein eigenes Feld und wird im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>How to fill in the profile</source>
        <translation>So füllen Sie das Profil aus</translation>
    </message>
    <message>
        <source>&amp;Connection string:</source>
        <translation>Verbindungs&amp;zeichenfolge:</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>postgresql://alex@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require</source>
        <translation>postgresql://alex@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require</translation>
    </message>
    <message>
        <source>What the connection string says</source>
        <translation>Inhalt der Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The database user&apos;s password</source>
        <translation>Passwort des Datenbankbenutzers</translation>
    </message>
    <message>
        <source>Password storage and connection test</source>
        <translation>Passwortspeicherung und Verbindungstest</translation>
    </message>
    <message>
        <source>Where the password is kept</source>
        <translation>Wo das Passwort gespeichert ist</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
    <message>
        <source>(not configured)</source>
        <translation>(nicht eingerichtet)</translation>
    </message>
    <message>
        <source>(in use)</source>
        <translation>(aktiv)</translation>
    </message>
    <message>
        <source>Not configured yet.</source>
        <translation>Noch nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Neon pooled host (PgBouncer)</source>
        <translation>Neon-Host mit Verbindungspool (PgBouncer)</translation>
    </message>
    <message>
        <source>Neon direct host</source>
        <translation>Direkter Neon-Host</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>The keychain could not store the password, so it is kept for this session only and asked again next time.</source>
        <translation>Der Schlüsselbund konnte das Passwort nicht speichern. Es gilt daher nur für diese Sitzung und wird beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>No keychain on this desktop: the password is kept for this session only and asked again next time.</source>
        <translation>Kein Schlüsselbund auf diesem Desktop: Das Passwort gilt nur für diese Sitzung und wird beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>A name may only use letters, digits, “-”, “_” and “.”, for example my-laptop.</source>
        <translation>Ein Name darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten, zum Beispiel mein-laptop.</translation>
    </message>
    <message>
        <source>There is already a profile named “%1”. Choose another name.</source>
        <translation>Es gibt bereits ein Profil namens „%1“. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1” from this computer? Its connection string and saved password are deleted. The database itself and its todos are not touched.</source>
        <translation>Das Profil „%1“ von diesem Computer entfernen? Seine Verbindungszeichenfolge und das gespeicherte Passwort werden gelöscht. Die Datenbank selbst und ihre Aufgaben bleiben unverändert.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>The profile was removed, but its password is still in the keychain: %1</source>
        <translation>Das Profil wurde entfernt, sein Passwort ist aber noch im Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved. Close and lose them?</source>
        <translation>Die Änderungen an %1 sind nicht gespeichert. Trotzdem schließen und verwerfen?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>nt::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>nt::Sidebar</name>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Neue Liste</translation>
    </message>
    <message>
        <source>+ New list</source>
        <translation>+ Neue Liste</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Liste umbenennen</translation>
    </message>
    <message>
        <source>Move list up</source>
        <translation>Liste nach oben verschieben</translation>
    </message>
    <message>
        <source>Move list down</source>
        <translation>Liste nach unten verschieben</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Liste löschen</translation>
    </message>
</context>
<context>
    <name>nt::SidebarModel</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n todo(s)</source>
        <translation>
            <numerusform>%1, %n Aufgabe</numerusform>
            <numerusform>%1, %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>LISTS</source>
        <translation>LISTEN</translation>
    </message>
</context>
<context>
    <name>nt::SyncController</name>
    <message>
        <source>Could not open this computer&apos;s copy of your todos.</source>
        <translation>Die Kopie Ihrer Aufgaben auf diesem Computer konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>nt::TodoListModel</name>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Niedrige Priorität</translation>
    </message>
    <message>
        <source>Medium priority</source>
        <translation>Mittlere Priorität</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Hohe Priorität</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>Mit Notizen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>That todo is no longer there.</source>
        <translation>Diese Aufgabe gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>“%1” was changed on another device.</source>
        <translation>„%1“ wurde auf einem anderen Gerät geändert.</translation>
    </message>
    <message>
        <source>“%1” is no longer in the database.</source>
        <translation>„%1“ ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>Complete “%1”</source>
        <translation>„%1“ erledigen</translation>
    </message>
    <message>
        <source>Reopen “%1”</source>
        <translation>„%1“ wieder öffnen</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>Priorität festlegen</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>Notizen bearbeiten</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
</context>
<context>
    <name>nt::TodoView</name>
    <message>
        <source>Todos</source>
        <translation>Aufgaben</translation>
    </message>
</context>
</TS>
