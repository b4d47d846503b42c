<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
