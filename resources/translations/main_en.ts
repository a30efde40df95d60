<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name>App</name>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="54" />
      <location filename="../../monmaster_desktop/ui/app.py" line="66" />
      <source>Base de données</source>
      <translation>Database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="59" />
      <source>base de démonstration</source>
      <translation>demonstration database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="67" />
      <source>Impossible d'ouvrir la base « %1 » : %2</source>
      <translation>Cannot open the database “%1”: %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="81" />
      <source>Base sur un partage réseau</source>
      <translation>Database on a network share</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="82" />
      <source>La base « %1 » est sur un partage réseau : SQLite n'y est pas fiable et des enregistrements peuvent être perdus. Placez la base sur le disque du poste et gardez les sauvegardes sur le partage.</source>
      <translation>The database “%1” is on a network share: SQLite is not reliable there and records may be lost. Keep the database on this computer's disk and the backups on the share.</translation>
    </message>
  </context>
  <context>
    <name>CandidateTable</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="110" />
      <source>%1 · alt. %2</source>
      <translation>%1 · work-study %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="352" />
      <source>Candidats</source>
      <translation>Candidates</translation>
    </message>
  </context>
  <context>
    <name>CandidateTableModel</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="212" />
      <source>N° candidat</source>
      <translation>Candidate no.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="213" />
      <source>Nom</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="214" />
      <source>INE</source>
      <translation>INE</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="215" />
      <source>Éligible</source>
      <translation>Eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="216" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="217" />
      <source>Formation acceptée</source>
      <translation>Accepted course</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="218" />
      <source>Date limite d'inscription</source>
      <translation>Registration deadline</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="219" />
      <source>Signalements</source>
      <translation>Flags</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="222" />
      <source>Candidatures comptées : formation initiale · alternance</source>
      <translation>Counted applications: initial training · work-study</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="269" />
      <source>Oui</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="269" />
      <source>Non</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>Flags</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="73" />
      <source>Interrompu</source>
      <extracomment>The ordered ids of the current list, for a sort key and direction (runs the SQL). The table rows of some ids, in their order (runs the SQL). Column -&gt; controllers.worklists.SortKey value; the flags column does not sort. Badge order: what sends the candidate to the registrar first, the window of reasons last. Badge colours per flag: (text, background), readable in black and white print too.</extracomment>
      <translation>Interrupted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="74" />
      <source>Date à fixer</source>
      <translation>Date to set</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="75" />
      <source>Retard inscription</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="76" />
      <source>Non éligible</source>
      <translation>Not eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="77" />
      <source>Motifs demandables</source>
      <translation>Reasons requestable</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="84" />
      <source>Inscription interrompue : doit contacter le service de scolarité</source>
      <translation>Interrupted enrolment: must contact the Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="87" />
      <source>Date limite d'inscription à fixer par le chef d'établissement</source>
      <translation>Registration deadline to be set by the head of the institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="90" />
      <source>Date limite d'inscription dépassée, non inscrit</source>
      <translation>Registration deadline passed, not registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="93" />
      <source>Non éligible à Mon Master : candidature / pré-inscription</source>
      <translation>Not eligible for Mon Master: application / pre-registration</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="96" />
      <source>Refus : délai de demande des motifs en cours</source>
      <translation>Rejected: the reasons can still be requested</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="122" />
      <source>Rechercher par nom, INE ou n° de candidat (Ctrl+F)</source>
      <extracomment>Emitted after every reload of the list (ids loaded, first rows shown). Emitted when the worklist counts and totals are shown (they are counted off-thread).</extracomment>
      <translation>Search by name, INE or candidate number (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="124" />
      <source>Recherche</source>
      <translation>Search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="166" />
      <source>Ouverture de la base…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="188" />
      <source>&amp;Importer…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="190" />
      <source>Exporter la liste (CSV/XLSX)…</source>
      <translation>Export the list (CSV/XLSX)…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="193" />
      <source>Les candidats de la liste affichée, dans un classeur ou un fichier CSV</source>
      <translation>The candidates of the list shown, as a workbook or a CSV file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="196" />
      <source>Exporter les candidatures de la liste…</source>
      <translation>Export the list's applications…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="200" />
      <source>Exporter la liste en &amp;PDF…</source>
      <translation>Export the list as &amp;PDF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="202" />
      <source>Les fiches de situation de toute la liste affichée, dans un seul PDF</source>
      <translation>The status sheets of the whole list shown, in one PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="205" />
      <source>&amp;Imprimer les fiches…</source>
      <translation>&amp;Print sheets…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="208" />
      <source>Les fiches des candidats sélectionnés (ou de toute la liste)</source>
      <translation>The sheets of the selected candidates (or of the whole list)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="211" />
      <source>Imprimer la &amp;liste…</source>
      <translation>Print the &amp;list…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="214" />
      <source>&amp;Aperçu avant impression…</source>
      <translation>Print pre&amp;view…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="216" />
      <source>&amp;Sauvegarder maintenant</source>
      <translation>&amp;Back up now</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="217" />
      <source>&amp;Quitter</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="220" />
      <source>&amp;Nouveau candidat</source>
      <translation>&amp;New candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="222" />
      <source>&amp;Ouvrir le dossier</source>
      <translation>&amp;Open file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="228" />
      <source>Candidat &amp;précédent</source>
      <translation>&amp;Previous candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="231" />
      <source>Candidat &amp;suivant</source>
      <translation>Ne&amp;xt candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="234" />
      <source>&amp;Rechercher</source>
      <translation>&amp;Search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="235" />
      <source>A&amp;ctualiser</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="237" />
      <source>&amp;Date de référence…</source>
      <translation>Reference &amp;date…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="240" />
      <source>&amp;Campagnes et calendriers…</source>
      <translation>&amp;Campaigns and calendars…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="244" />
      <source>Catalogue des &amp;formations…</source>
      <translation>Course &amp;catalogue…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="248" />
      <source>&amp;Établissement et Études en France…</source>
      <translation>&amp;Institution and Études en France…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="251" />
      <source>&amp;Raccourcis clavier</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="252" />
      <source>À &amp;propos de Mon Master Desk</source>
      <translation>&amp;About Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="265" />
      <source>&amp;Fichier</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="279" />
      <source>&amp;Candidat</source>
      <translation>&amp;Candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="282" />
      <source>&amp;Affichage</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="287" />
      <source>&amp;Langue</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="289" />
      <source>&amp;Outils</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="293" />
      <source>&amp;Aide</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="329" />
      <location filename="../../monmaster_desktop/ui/main_window.py" line="819" />
      <source>Mon Master Desk</source>
      <translation>Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="331" />
      <source>(démonstration)</source>
      <translation>(demonstration)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="393" />
      <source>%1 · %2 doivent contacter la scolarité</source>
      <translation>%1 · %2 must contact the Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="364" />
      <source>Date de référence : %1 (aujourd'hui)</source>
      <translation>Reference date: %1 (today)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="366" />
      <source>Date de référence : %1 (fixée)</source>
      <translation>Reference date: %1 (fixed)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="384" />
      <source>Comptage des listes impossible : %1</source>
      <translation>The worklists could not be counted: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="402" />
      <source>%1 candidats</source>
      <translation>%1 candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="403" />
      <source>%1 candidat</source>
      <translation>%1 candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="439" />
      <source>%1 — %2 affiché(s)</source>
      <translation>%1 — %2 shown</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="442" />
      <source>pour « %1 »</source>
      <translation>for “%1”</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="527" />
      <source>Impossible d'ouvrir le dossier.</source>
      <translation>The file could not be opened.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="552" />
      <location filename="../../monmaster_desktop/ui/main_window.py" line="590" />
      <location filename="../../monmaster_desktop/ui/main_window.py" line="741" />
      <source>Bientôt disponible</source>
      <translation>Coming soon</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="553" />
      <source>Bientôt disponible : cette fenêtre arrive dans une prochaine version.</source>
      <translation>Coming soon: this window arrives in a next version.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="591" />
      <source>Bientôt disponible : l'impression des fiches arrive bientôt.</source>
      <translation>Coming soon: printing the sheets arrives soon.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="606" />
      <source>Aucun candidat à imprimer.</source>
      <translation>No candidate to print.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="633" />
      <source>Impression de %1 fiche(s)…</source>
      <translation>Printing %1 sheet(s)…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="636" />
      <source>%1 page(s) envoyée(s) à l'imprimante.</source>
      <translation>%1 page(s) sent to the printer.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="638" />
      <source>L'impression a échoué.</source>
      <translation>Printing failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="639" />
      <source>Impression annulée.</source>
      <translation>Printing cancelled.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="645" />
      <source>Aucun candidat à prévisualiser.</source>
      <translation>No candidate to preview.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="650" />
      <location filename="../../monmaster_desktop/ui/main_window.py" line="842" />
      <source>Aperçu avant impression</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="652" />
      <source>L'aperçu de %1 fiches peut être long. Continuer ? (Pour toute la liste, « Exporter la liste en PDF » est plus rapide.)</source>
      <translation>Previewing %1 sheets may take a while. Continue? (For the whole list, “Export the list as PDF” is faster.)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="683" />
      <source>La liste est vide : rien à exporter.</source>
      <translation>The list is empty: nothing to export.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="689" />
      <source>fiches-%1.pdf</source>
      <translation>sheets-%1.pdf</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="692" />
      <source>Document PDF (*.pdf)</source>
      <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="711" />
      <source>Export de %1 fiche(s) en PDF…</source>
      <translation>Exporting %1 sheet(s) to PDF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="714" />
      <source>PDF écrit : %1 (%2 page(s)).</source>
      <translation>PDF written: %1 (%2 page(s)).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="719" />
      <source>L'export PDF a échoué.</source>
      <translation>The PDF export failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="721" />
      <source>Export PDF annulé : aucun fichier écrit.</source>
      <translation>PDF export cancelled: no file written.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="727" />
      <source>Fiches de situation (%1 candidats)</source>
      <translation>Status sheets (%1 candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="728" />
      <source>Fiche de situation</source>
      <translation>Status sheet</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="742" />
      <source>Bientôt disponible : l'export arrive bientôt.</source>
      <translation>Coming soon: exporting arrives soon.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="745" />
      <source>candidats</source>
      <translation>candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="745" />
      <source>candidatures</source>
      <translation>applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="753" />
      <source>Classeur Excel (*.xlsx);;Fichier CSV (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="773" />
      <source>Export en cours…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="778" />
      <source>%1 ligne(s) exportée(s) dans %2.</source>
      <translation>%1 row(s) exported to %2.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="783" />
      <source>L'export a échoué.</source>
      <translation>The export failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="790" />
      <source>Sauvegarde en cours…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="795" />
      <source>Sauvegarde écrite : %1</source>
      <translation>Backup written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="797" />
      <source>La sauvegarde a échoué.</source>
      <translation>The backup failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="809" />
      <source>Sauvegarde automatique faite.</source>
      <translation>Automatic backup done.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="812" />
      <source>Sauvegarde automatique impossible : %1</source>
      <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="828" />
      <source>Langue</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="830" />
      <source>La langue sera appliquée au prochain démarrage de Mon Master Desk.
The language will change the next time Mon Master Desk starts.</source>
      <translation>The language will change the next time Mon Master Desk starts.
La langue sera appliquée au prochain démarrage de Mon Master Desk.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="837" />
      <source>Rechercher un candidat</source>
      <translation>Search for a candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="838" />
      <source>Nouveau candidat</source>
      <translation>New candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="839" />
      <source>Ouvrir le dossier sélectionné</source>
      <translation>Open the selected file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="839" />
      <source>Entrée ou double-clic</source>
      <translation>Enter or double-click</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="840" />
      <source>Candidat précédent / suivant</source>
      <translation>Previous / next candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="841" />
      <source>Imprimer les fiches</source>
      <translation>Print the sheets</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="843" />
      <source>Imprimer toute la liste</source>
      <translation>Print the whole list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="844" />
      <source>Exporter la liste</source>
      <translation>Export the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="845" />
      <source>Importer</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="846" />
      <source>Date de référence</source>
      <translation>Reference date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="847" />
      <source>Actualiser</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="848" />
      <source>Quitter</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="852" />
      <source>Raccourcis clavier</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="858" />
      <source>À propos de Mon Master Desk</source>
      <translation>About Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="860" />
      <source>Mon Master Desk : le bureau de la scolarité pour les candidatures Mon Master et les inscriptions en première année de master.</source>
      <translation>Mon Master Desk: the Registrar's Office desk for Mon Master applications and first-year master's registrations.</translation>
    </message>
  </context>
  <context>
    <name>ReferenceDateDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="58" />
      <source>Date de référence</source>
      <extracomment>Beyond this many sheets a print preview asks first (it lays out every page in memory).</extracomment>
      <translation>Reference date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="59" />
      <source>&amp;Aujourd'hui (date du système)</source>
      <translation>&amp;Today (system date)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="69" />
      <source>Les signalements et les listes (retards, motifs demandables) sont calculés à cette date.</source>
      <translation>Flags and worklists (overdue registrations, requestable reasons) are computed on this date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="81" />
      <source>&amp;Date :</source>
      <translation>&amp;Date:</translation>
    </message>
  </context>
  <context>
    <name>Task</name>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="74" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="75" />
      <source>Mon Master Desk</source>
      <translation>Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="96" />
      <source>Annulation en cours…</source>
      <translation>Cancelling…</translation>
    </message>
  </context>
  <context>
    <name>WorklistModel</name>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="138" />
      <source>Par campagne</source>
      <translation>By campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="140" />
      <source>Campagne %1</source>
      <translation>Campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="175" />
      <source>Candidats dont la dernière campagne est %1.</source>
      <translation>Candidates whose latest campaign is %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="189" />
      <source>Liste</source>
      <translation>List</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="189" />
      <source>Nombre</source>
      <translation>Count</translation>
    </message>
  </context>
  <context>
    <name>WorklistPane</name>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="203" />
      <source>Listes de travail</source>
      <translation>Worklists</translation>
    </message>
  </context>
  <context>
    <name>Worklists</name>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="38" />
      <source>Tous les candidats</source>
      <extracomment>Worklist codes of the controller (controllers.worklists.Worklist values), in pane order.</extracomment>
      <translation>All candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="39" />
      <source>Doivent contacter la scolarité</source>
      <translation>Must contact the Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="42" />
      <source>Non éligibles</source>
      <translation>Not eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="43" />
      <source>Inscription en retard</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="44" />
      <source>Date limite à fixer</source>
      <translation>Deadline to be set</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="45" />
      <source>Motifs de refus demandables</source>
      <translation>Rejection reasons requestable</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="48" />
      <source>Inscription interrompue</source>
      <translation>Interrupted enrolment</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="55" />
      <source>Tous les candidats de la base.</source>
      <translation>Every candidate in the database.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="56" />
      <source>Inscription interrompue, date limite à fixer par le chef d'établissement ou inscription en retard.</source>
      <translation>Interrupted enrolment, deadline to be set by the head of the institution, or registration overdue.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="61" />
      <source>Ne relèvent pas de Mon Master : candidature ou pré-inscription.</source>
      <translation>Not covered by Mon Master: application or pre-registration.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="64" />
      <source>Date limite d'inscription dépassée à la date de référence, non inscrits.</source>
      <translation>Registration deadline passed on the reference date, not registered.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="67" />
      <source>Acceptés en fin de campagne : date limite à fixer par le chef d'établissement.</source>
      <translation>Accepted late in the campaign: deadline to be set by the head of the institution.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="71" />
      <source>Refusés pouvant encore demander les motifs du refus (un mois).</source>
      <translation>Rejected candidates who may still ask for the reasons (one month).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/worklist_pane.py" line="74" />
      <source>Ont interrompu leur inscription : doivent contacter la scolarité.</source>
      <translation>Interrupted their enrolment: must contact the Registrar's Office.</translation>
    </message>
  </context>
</TS>
