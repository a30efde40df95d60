<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="61"/>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="304"/>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="66"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="66"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="66"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="66"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="80"/>
        <source>Sauvegardes de la &amp;base, de la plus récente à la plus ancienne :</source>
        <translation>Backups of the &amp;database, newest first:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="87"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="89"/>
        <source>&amp;Restaurer la sauvegarde choisie…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="91"/>
        <source>Restaurer depuis un fic&amp;hier…</source>
        <translation>Restore from a &amp;file…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="96"/>
        <source> jour(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="99"/>
        <source> semaine(s)</source>
        <translation> week(s)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="103"/>
        <source>&amp;Appliquer</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="105"/>
        <source>Sauvegardes automatiques conservées</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="110"/>
        <source>Une sauvegarde est faite à chaque ouverture et fermeture. On garde la plus récente de chacun des derniers jours et de chacune des dernières semaines ; les sauvegardes manuelles ne sont jamais effacées.</source>
        <translation>A backup is made each time the desk opens and closes. The newest of each of the last days and of each of the last weeks is kept; manual backups are never deleted.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="118"/>
        <source>Derniers &amp;jours :</source>
        <translation>Last da&amp;ys:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="119"/>
        <source>Dernières s&amp;emaines :</source>
        <translation>Last &amp;weeks:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="124"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="157"/>
        <source>automatique</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="158"/>
        <source>avant restauration</source>
        <translation>before restore</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="159"/>
        <source>manuelle</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="183"/>
        <source>Dossier des sauvegardes : %1</source>
        <translation>Backup folder: %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="185"/>
        <source>Aucune sauvegarde pour l&apos;instant.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="207"/>
        <source>Sauvegarde en cours…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="211"/>
        <source>Sauvegarde écrite : %1</source>
        <translation>Backup written: %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="219"/>
        <source>Sauvegarde de la base…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="231"/>
        <source>Réglage enregistré : %1 jour(s), %2 semaine(s).</source>
        <translation>Setting saved: %1 day(s), %2 week(s).</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="247"/>
        <source>Restaurer depuis un fichier</source>
        <translation>Restore from a file</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="249"/>
        <source>Bases Mon Master Desk (*.sqlite);;Tous les fichiers (*)</source>
        <translation>Mon Master Desk databases (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="258"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="260"/>
        <source>Remplacer la base actuelle par la sauvegarde « %1 » ?

La sauvegarde choisie est vérifiée avant de remplacer quoi que ce soit, et la base actuelle est copiée au même instant. Les saisies faites depuis cette sauvegarde ne seront plus dans la base restaurée. Les autres postes ouverts continuent sur la base restaurée ; une fiche qu&apos;ils avaient ouverte et que la restauration change leur sera signalée comme modifiée.</source>
        <translation>Replace the current database with the backup “%1”?

The chosen backup is checked before anything is replaced, and the current database is copied at the same instant. Whatever was entered since that backup will not be in the restored database. Other desks that are open carry on with the restored database; a record they had open that the restore changes will be reported to them as modified.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="272"/>
        <source>Restauration en cours…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="279"/>
        <source>Restauration de la base…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="283"/>
        <source>Base restaurée.</source>
        <translation>Database restored.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="288"/>
        <source>La base a été restaurée. La base d&apos;avant est conservée sous « %1 ».</source>
        <translation>The database has been restored. The previous database is kept as “%1”.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="291"/>
        <location filename="../../monmaster_desktop/ui/backups_dialog.py" line="297"/>
        <source>Restauration terminée</source>
        <translation>Restore complete</translation>
    </message>
</context>
<context>
    <name>ChangesPane</name>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="320"/>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="321"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="322"/>
        <source>Date de naissance</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="326"/>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="336"/>
        <source>Numéro</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="327"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="328"/>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="329"/>
        <source>Enregistré</source>
        <translation>Stored</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="330"/>
        <source>Dans le fichier</source>
        <translation>In the file</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="337"/>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="338"/>
        <source>Mention — parcours</source>
        <translation>Mention — parcours</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="339"/>
        <source>UAI</source>
        <translation>UAI</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="340"/>
        <source>Statut enregistré</source>
        <translation>Stored status</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="341"/>
        <source>Acceptation définitive de</source>
        <translation>Definitive acceptance of</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="357"/>
        <source>&lt;b&gt;Changements d&apos;identité (%1)&lt;/b&gt; : nom, prénom ou date de naissance d&apos;un candidat déjà enregistré. L&apos;import vous demandera de les accepter.</source>
        <translation>&lt;b&gt;Identity changes (%1)&lt;/b&gt;: last name, first name or birth date of a candidate already stored. The import will ask you to accept them.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="363"/>
        <source>&lt;b&gt;Candidatures closes (%1)&lt;/b&gt; : une acceptation définitive clôt les autres candidatures en cours de la campagne ; elles seront retirées.</source>
        <translation>&lt;b&gt;Closed applications (%1)&lt;/b&gt;: a definitive acceptance closes the candidate&apos;s other open applications of the campaign; they will be withdrawn.</translation>
    </message>
</context>
<context>
    <name>FilePreviewPane</name>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="112"/>
        <source>Colonne attendue</source>
        <translation>Expected column</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="112"/>
        <source>En-tête du fichier</source>
        <translation>File header</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="123"/>
        <source>absente (obligatoire)</source>
        <translation>missing (required)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="125"/>
        <source>absente (valeur gardée)</source>
        <translation>absent (value kept)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="134"/>
        <source>Une colonne absente du fichier ne change rien : chaque candidat déjà enregistré garde sa valeur.</source>
        <translation>A column absent from the file changes nothing: each stored candidate keeps its value.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="150"/>
        <source>En-tête inconnu : choisissez à gauche ce qu&apos;il contient.</source>
        <translation>Unknown header: choose on the left what it holds.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="156"/>
        <source>calculée par le bureau, non importée</source>
        <translation>computed by the desk, not imported</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="182"/>
        <source>Corre&amp;spondance des colonnes (* obligatoire) :</source>
        <translation>Column &amp;mapping (* required):</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="190"/>
        <source>Premières li&amp;gnes (%1 sur %2) :</source>
        <translation>&amp;First rows (%1 of %2):</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="210"/>
        <source>UTF-8 avec BOM</source>
        <translation>UTF-8 with BOM</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="211"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="212"/>
        <source>Windows-1252 (Europe occidentale)</source>
        <translation>Windows-1252 (Western European)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="217"/>
        <source>point-virgule (;)</source>
        <translation>semicolon (;)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="217"/>
        <source>virgule (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="223"/>
        <source>Classeur Excel (.xlsx), première feuille</source>
        <translation>Excel workbook (.xlsx), first sheet</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="226"/>
        <source>Fichier CSV — encodage : %1 — séparateur : %2</source>
        <translation>CSV file — encoding: %1 — separator: %2</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="230"/>
        <source> — %1 ligne(s) de données</source>
        <translation> — %1 data row(s)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="237"/>
        <source>— à attribuer —</source>
        <translation>— to assign —</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="242"/>
        <source>%1 (proposée)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="244"/>
        <source>Ne pas importer cette colonne</source>
        <translation>Do not import this column</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="248"/>
        <source>Colonne pour l&apos;en-tête %1</source>
        <translation>Column for header %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="286"/>
        <source>Colonnes obligatoires absentes : %1.</source>
        <translation>Required columns missing: %1.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="291"/>
        <source>Valeurs sous un en-tête vide (colonne %1) : elles ne seraient pas importées. Donnez un en-tête à cette colonne dans le fichier.</source>
        <translation>Values under an empty header (column %1): they would not be imported. Give this column a header in the file.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="299"/>
        <source>Colonnes inconnues : %1. Attribuez chacune à une colonne, ou choisissez « Ne pas importer cette colonne » : sinon l&apos;import est refusé (une colonne mal nommée ne doit pas passer pour absente).</source>
        <translation>Unknown columns: %1. Assign each one to a column, or choose “Do not import this column”: otherwise the import is refused (a misnamed column must not pass for an absent one).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="75"/>
        <source>Importer des candidats et des candidatures</source>
        <extracomment>How many identity changes the confirmation lists before pointing at the « Changements » tab. Words in a file name that say it holds applications rather than candidates (drag and drop). The clerk&apos;s mapping step, by kind: unknown header -&gt; column (None: left out). The clerk accepted the identity changes the last check or import listed.</extracomment>
        <translation>Import candidates and applications</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="88"/>
        <source>Fichier des &amp;candidats :</source>
        <translation>C&amp;andidates file:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="89"/>
        <source>Fichier des c&amp;andidatures :</source>
        <translation>A&amp;pplications file:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="92"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="93"/>
        <source>Parc&amp;ourir…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="97"/>
        <source>Aucun fichier (CSV ou Excel .xlsx) — glissez-le ici</source>
        <translation>No file (CSV or Excel .xlsx) — drop it here</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="112"/>
        <source>Choisissez le fichier des candidats, celui des candidatures, ou les deux : leur encodage, leur séparateur et leurs colonnes s&apos;afficheront ici.</source>
        <translation>Choose the candidates file, the applications file, or both: their encoding, separator and columns will show here.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="118"/>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="277"/>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="132"/>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="304"/>
        <source>Rapport de vérificatio&amp;n :</source>
        <translation>Check rep&amp;ort:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="161"/>
        <source>&amp;Vérifier</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="162"/>
        <source>Contrôler toutes les lignes sans rien enregistrer</source>
        <translation>Check every row without saving anything</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="164"/>
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="165"/>
        <source>Tout enregistrer, ou rien si une ligne est refusée</source>
        <translation>Save everything, or nothing if any row is refused</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="167"/>
        <source>Enregistrer le &amp;rapport…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="169"/>
        <source>&amp;Fermer</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="191"/>
        <source>Fichier des candidats</source>
        <translation>Candidates file</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="193"/>
        <source>Fichier des candidatures</source>
        <translation>Applications file</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="200"/>
        <source>Fichiers CSV ou Excel (*.csv *.xlsx);;Tous les fichiers (*)</source>
        <translation>CSV or Excel files (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="221"/>
        <source>Lecture de « %1 »…</source>
        <translation>Reading “%1”…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="267"/>
        <source>Candidats</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="267"/>
        <source>Candidatures</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="318"/>
        <source>Changements (%1)</source>
        <translation>Changes (%1)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="357"/>
        <source>… et %1 autre(s), listés dans l&apos;onglet « Changements ».</source>
        <translation>… and %1 more, listed in the “Changes” tab.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="361"/>
        <source>Changements d&apos;identité</source>
        <translation>Identity changes</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="363"/>
        <source>Le fichier change l&apos;identité de candidats déjà enregistrés (ancien → nouveau) :

%1

Accepter ces changements et importer ?</source>
        <translation>The file changes the identity of candidates already stored (old → new):

%1

Accept these changes and import?</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="409"/>
        <source>Vérification de toutes les lignes…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="411"/>
        <source>Import en cours : tout ou rien…</source>
        <translation>Importing: all or nothing…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="437"/>
        <source>Rapport de vérificatio&amp;n : %1 problème(s), rien n&apos;a été enregistré</source>
        <translation>Check rep&amp;ort: %1 problem(s), nothing was saved</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="442"/>
        <source>&lt;b&gt;Import refusé&lt;/b&gt; : %1 problème(s) ci-dessous (fichier, ligne, colonne). Corrigez les fichiers puis recommencez ; rien n&apos;a été enregistré.</source>
        <translation>&lt;b&gt;Import refused&lt;/b&gt;: %1 problem(s) below (file, line, column). Correct the files and try again; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="459"/>
        <source>&lt;b&gt;Import terminé.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Import complete.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="462"/>
        <source>&lt;b&gt;Vérification réussie&lt;/b&gt; : aucune ligne refusée ; l&apos;import donnerait :</source>
        <translation>&lt;b&gt;Check passed&lt;/b&gt;: no row refused; the import would give:</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="466"/>
        <source>Candidats : %1 créé(s), %2 mis à jour, %3 inchangé(s).</source>
        <translation>Candidates: %1 created, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="472"/>
        <source>Candidatures : %1 créée(s), %2 mise(s) à jour, %3 inchangée(s).</source>
        <translation>Applications: %1 created, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="484"/>
        <source>Champs modifiés : %1.</source>
        <translation>Fields changed: %1.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="489"/>
        <source>%1 changement(s) d&apos;identité acceptés</source>
        <translation>%1 identity change(s) accepted</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="491"/>
        <source>%1 changement(s) d&apos;identité, à accepter à l&apos;import</source>
        <translation>%1 identity change(s), to be accepted when importing</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="497"/>
        <source>%1 candidature(s) close(s) par une acceptation définitive</source>
        <translation>%1 application(s) closed by a definitive acceptance</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="503"/>
        <source>Changements : %1 (onglet « Changements »).</source>
        <translation>Changes: %1 (“Changes” tab).</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="512"/>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="522"/>
        <source>L&apos;import a échoué, rien n&apos;a été enregistré : %1</source>
        <translation>The import failed, nothing was saved: %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="536"/>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="549"/>
        <source>Enregistrer le rapport</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="537"/>
        <source>rapport-import.csv</source>
        <translation>import-report.csv</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="538"/>
        <source>Fichier CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="550"/>
        <source>Le rapport n&apos;a pas pu être écrit : %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_dialog.py" line="556"/>
        <source>Rapport de vérificatio&amp;n : %1 problème(s), enregistré dans %2</source>
        <translation>Check rep&amp;ort: %1 problem(s), saved to %2</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="45"/>
        <source>Fichier</source>
        <extracomment>The mapping step&apos;s choices besides the columns: nothing chosen yet, or leave the column out.</extracomment>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="46"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="47"/>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/import_preview.py" line="48"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="51"/>
        <source>Vérification de la base…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="55"/>
        <source>Base de données endommagée</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="56"/>
        <source>La base « %1 » est endommagée : la vérification faite à l&apos;ouverture a échoué. L&apos;ouvrir pourrait perdre ou fausser des dossiers.</source>
        <translation>The database “%1” is damaged: the check made when opening it failed. Opening it could lose or corrupt records.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="64"/>
        <source>Recherche de la dernière bonne sauvegarde…</source>
        <translation>Looking for the latest good backup…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="72"/>
        <source>Aucune sauvegarde en bon état n&apos;a été trouvée. Mon Master Desk ne l&apos;ouvrira pas : appelez le service informatique, sans supprimer le fichier.</source>
        <translation>No backup in good condition was found. Mon Master Desk will not open it: call IT support, without deleting the file.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="85"/>
        <source>La dernière sauvegarde en bon état date du %1. La restaurer ? La base endommagée est gardée à côté, sous un autre nom ; les saisies faites depuis cette sauvegarde seront à refaire.</source>
        <translation>The latest backup in good condition is from %1. Restore it? The damaged database is kept beside it under another name; whatever was entered since that backup will have to be entered again.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="100"/>
        <source>Restauration de la sauvegarde…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="107"/>
        <source>Base restaurée</source>
        <translation>Database restored</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/startup_check.py" line="108"/>
        <source>La sauvegarde du %1 a été restaurée. La base endommagée est conservée sous « %2 ».</source>
        <translation>The backup of %1 has been restored. The damaged database is kept as “%2”.</translation>
    </message>
</context>
</TS>
