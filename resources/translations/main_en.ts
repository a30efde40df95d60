<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name>Accessibility</name>
    <message>
      <location filename="../../monmaster_desktop/ui/accessibility.py" line="41" />
      <source>%1 : en-têtes des colonnes</source>
      <translation>%1: column headers</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/accessibility.py" line="42" />
      <source>%1 : en-têtes des lignes</source>
      <translation>%1: row headers</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="54" />
      <source>Préparation de la base de démonstration…</source>
      <translation>Preparing the demonstration database…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="73" />
      <location filename="../../monmaster_desktop/ui/app.py" line="85" />
      <source>Base de données</source>
      <translation>Database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="78" />
      <source>base de démonstration</source>
      <translation>demonstration database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="86" />
      <source>Impossible d'ouvrir la base « %1 » : %2</source>
      <translation>Cannot open the database “%1”: %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="100" />
      <source>Base sur un partage réseau</source>
      <translation>Database on a network share</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/app.py" line="101" />
      <source>La base « %1 » est sur un partage réseau : SQLite n'y est pas fiable et des enregistrements peuvent être perdus. Placez la base sur le disque du poste et gardez les sauvegardes sur le partage.</source>
      <translation>The database “%1” is on a network share: SQLite is not reliable there and records may be lost. Keep the database on this computer's disk and the backups on the share.</translation>
    </message>
  <message>
      <source>Mise à jour de la base</source>
      <translation>Database update</translation>
    </message>
    </context>
  <context>
    <name>CandidateTable</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="110" />
      <source>%1/%2 · alt. %3/%4</source>
      <translation>%1/%2 · alt. %3/%4</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="381" />
      <source>Candidats</source>
      <translation>Candidates</translation>
    </message>
  </context>
  <context>
    <name>CandidateTableModel</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="222" />
      <source>N° candidat</source>
      <translation>Candidate no.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="223" />
      <source>Nom</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="224" />
      <source>INE</source>
      <translation>INE</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="225" />
      <source>Éligible</source>
      <translation>Eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="226" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="227" />
      <source>Formation acceptée</source>
      <translation>Accepted course</translation>
    </message>
    <message>
      <source>Inscrire avant le</source>
      <translation type="vanished">Register by</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="229" />
      <source>Signalements</source>
      <translation>Flags</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="232" />
      <source>Candidatures comptées : formation initiale · alternance</source>
      <translation>Counted applications: initial training · work-study</translation>
    </message>
    <message>
      <source>Date limite d'inscription administrative</source>
      <translation type="vanished">Administrative registration deadline</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="278" />
      <source>Oui</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="278" />
      <source>Non</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="292" />
      <source>à fixer</source>
      <translation>to be set</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="228" />
      <source>Inscription</source>
      <translation>Registration</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="235" />
      <source>Inscription administrative : sa date une fois faite, sinon la date limite</source>
      <translation>Administrative registration: its date once done, otherwise the deadline</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="285" />
      <source>Inscription le %1</source>
      <translation>Registered on %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="290" />
      <source>avant le %1</source>
      <translation>by %1</translation>
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
      <source>Interr.</source>
      <comment>short badge</comment>
      <translation>Interr.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="84" />
      <source>Date</source>
      <comment>short badge</comment>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="84" />
      <source>Retard</source>
      <comment>short badge</comment>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="84" />
      <source>Inéligible</source>
      <comment>short badge</comment>
      <translation>Ineligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_table.py" line="84" />
      <source>Motifs</source>
      <comment>short badge</comment>
      <translation>Reasons</translation>
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
      <location filename="../../monmaster_desktop/ui/main_window_list.py" />
      <source>%1 — %2 premiers affichés…</source>
      <translation>%1 — first %2 shown…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_list.py" />
      <source>Liste incomplète : %1</source>
      <translation>Incomplete list: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" />
      <source>Base : x…</source>
      <translation>Database: x…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" />
      <source>50 000 cand…</source>
      <translation>50,000 cand…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="81" />
      <source>Rechercher par nom, INE ou n° de candidat (Ctrl+F)</source>
      <extracomment>Beyond this many sheets a print preview asks first (it lays out every page in memory). Emitted after every reload of the list (ids loaded, first rows shown). Emitted when the worklist counts and totals are shown (they are counted off-thread).</extracomment>
      <translation>Search by name, INE or candidate number (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="83" />
      <source>Recherche</source>
      <translation>Search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="142" />
      <source>Ouverture de la base…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="165" />
      <source>&amp;Importer…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="167" />
      <source>Exporter la liste (CSV/XLSX)…</source>
      <translation>Export the list (CSV/XLSX)…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="170" />
      <source>Les candidats de la liste affichée, dans un classeur ou un fichier CSV</source>
      <translation>The candidates of the list shown, as a workbook or a CSV file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="173" />
      <source>Exporter les candidatures de la liste…</source>
      <translation>Export the list's applications…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="177" />
      <source>Exporter la liste en &amp;PDF…</source>
      <translation>Export the list as &amp;PDF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="179" />
      <source>Les fiches de situation de toute la liste affichée, dans un seul PDF</source>
      <translation>The status sheets of the whole list shown, in one PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="182" />
      <source>&amp;Imprimer les fiches…</source>
      <translation>&amp;Print sheets…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="185" />
      <source>Les fiches des candidats sélectionnés (ou de toute la liste)</source>
      <translation>The sheets of the selected candidates (or of the whole list)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="188" />
      <source>Imprimer la &amp;liste…</source>
      <translation>Print the &amp;list…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="191" />
      <source>&amp;Aperçu avant impression…</source>
      <translation>Print pre&amp;view…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="193" />
      <source>&amp;Sauvegarder maintenant</source>
      <translation>&amp;Back up now</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="194" />
      <source>&amp;Quitter</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="197" />
      <source>&amp;Nouveau candidat</source>
      <translation>&amp;New candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="199" />
      <source>&amp;Ouvrir le dossier</source>
      <translation>&amp;Open file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="205" />
      <source>Candidat &amp;précédent</source>
      <translation>&amp;Previous candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="208" />
      <source>Candidat &amp;suivant</source>
      <translation>Ne&amp;xt candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="211" />
      <source>&amp;Rechercher</source>
      <translation>&amp;Search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="212" />
      <source>A&amp;ctualiser</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="214" />
      <source>&amp;Date de référence…</source>
      <translation>Reference &amp;date…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="223" />
      <source>&amp;Campagnes et calendriers…</source>
      <translation>&amp;Campaigns and calendars…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="227" />
      <source>Catalogue des &amp;formations…</source>
      <translation>Course &amp;catalogue…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="231" />
      <source>&amp;Établissement et Études en France…</source>
      <translation>&amp;Institution and Études en France…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="247" />
      <source>&amp;Raccourcis clavier</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="248" />
      <source>À &amp;propos de Mon Master Desk</source>
      <translation>&amp;About Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="261" />
      <source>&amp;Fichier</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="275" />
      <source>&amp;Candidat</source>
      <translation>&amp;Candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="278" />
      <source>&amp;Affichage</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="284" />
      <source>&amp;Langue</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="286" />
      <source>&amp;Outils</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="294" />
      <source>&amp;Aide</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="353" />
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="59" />
      <source>Mon Master Desk</source>
      <translation>Mon Master Desk</translation>
    </message>
    <message>
      <source>(démonstration)</source>
      <translation type="vanished">(demonstration)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="419" />
      <source>%1 · %2 doivent contacter la scolarité</source>
      <translation>%1 · %2 must contact the Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="390" />
      <source>Date de référence : %1 (aujourd'hui)</source>
      <translation>Reference date: %1 (today)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="235" />
      <source>Sauvegardes et &amp;restauration…</source>
      <translation>Backups and &amp;restore…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="239" />
      <source>&amp;Purge des données personnelles…</source>
      <translation>&amp;Purge personal data…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="343" />
      <source>Base de données</source>
      <translation>Database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="392" />
      <source>Date de référence : %1 (fixée)</source>
      <translation>Reference date: %1 (fixed)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="410" />
      <source>Comptage des listes impossible : %1</source>
      <translation>The worklists could not be counted: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="428" />
      <source>%1 candidats</source>
      <translation>%1 candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="429" />
      <source>%1 candidat</source>
      <translation>%1 candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="472" />
      <source>%1 — %2 affiché(s)</source>
      <translation>%1 — %2 shown</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="475" />
      <source>pour « %1 »</source>
      <translation>for “%1”</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="560" />
      <source>Impossible d'ouvrir le dossier.</source>
      <translation>The file could not be opened.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="53" />
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="207" />
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="31" />
      <source>Bientôt disponible</source>
      <extracomment>Beyond this many sheets a print preview asks first (it lays out every page in memory).</extracomment>
      <translation>Coming soon</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="32" />
      <source>Bientôt disponible : cette fenêtre arrive dans une prochaine version.</source>
      <translation>Coming soon: this window arrives in a next version.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="54" />
      <source>Bientôt disponible : l'impression des fiches arrive bientôt.</source>
      <translation>Coming soon: printing the sheets arrives soon.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="69" />
      <source>Aucun candidat à imprimer.</source>
      <translation>No candidate to print.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="96" />
      <source>Impression de %1 fiche(s)…</source>
      <translation>Printing %1 sheet(s)…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="99" />
      <source>%1 page(s) envoyée(s) à l'imprimante.</source>
      <translation>%1 page(s) sent to the printer.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="101" />
      <source>L'impression a échoué.</source>
      <translation>Printing failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="102" />
      <source>Impression annulée.</source>
      <translation>Printing cancelled.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="108" />
      <source>Aucun candidat à prévisualiser.</source>
      <translation>No candidate to preview.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="113" />
      <source>Aperçu avant impression</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="114" />
      <source>L'aperçu de %1 fiches peut être long. Continuer ? (Pour toute la liste, « Exporter la liste en PDF » est plus rapide.)</source>
      <translation>Previewing %1 sheets may take a while. Continue? (For the whole list, “Export the list as PDF” is faster.)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="149" />
      <source>La liste est vide : rien à exporter.</source>
      <translation>The list is empty: nothing to export.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="155" />
      <source>fiches-%1.pdf</source>
      <translation>sheets-%1.pdf</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="158" />
      <source>Document PDF (*.pdf)</source>
      <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="177" />
      <source>Export de %1 fiche(s) en PDF…</source>
      <translation>Exporting %1 sheet(s) to PDF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="180" />
      <source>PDF écrit : %1 (%2 page(s)).</source>
      <translation>PDF written: %1 (%2 page(s)).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="185" />
      <source>L'export PDF a échoué.</source>
      <translation>The PDF export failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="187" />
      <source>Export PDF annulé : aucun fichier écrit.</source>
      <translation>PDF export cancelled: no file written.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="193" />
      <source>Fiches de situation (%1 candidats)</source>
      <translation>Status sheets (%1 candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="194" />
      <source>Fiche de situation</source>
      <translation>Status sheet</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="208" />
      <source>Bientôt disponible : l'export arrive bientôt.</source>
      <translation>Coming soon: exporting arrives soon.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="211" />
      <source>candidats</source>
      <translation>candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="211" />
      <source>candidatures</source>
      <translation>applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="219" />
      <source>Classeur Excel (*.xlsx);;Fichier CSV (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="229" />
      <source>%1 lignes écrites…</source>
      <translation>%1 rows written…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="243" />
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="247" />
      <source>Export en cours…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="249" />
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="265" />
      <source>Export annulé : aucun fichier n'a été écrit.</source>
      <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="252" />
      <source>%1 ligne(s) exportée(s) dans %2.</source>
      <translation>%1 row(s) exported to %2.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="268" />
      <source>L'export a échoué.</source>
      <translation>The export failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="274" />
      <source>Sauvegarde en cours…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="279" />
      <source>Sauvegarde écrite : %1</source>
      <translation>Backup written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="281" />
      <source>La sauvegarde a échoué.</source>
      <translation>The backup failed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="293" />
      <source>Sauvegarde automatique faite.</source>
      <translation>Automatic backup done.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="305" />
      <source>Sauvegarde automatique impossible : %1</source>
      <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_output.py" line="318" />
      <source>Base endommagée : rien n'est affiché.</source>
      <translation>Damaged database: nothing is shown.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="68" />
      <source>Langue</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="69" />
      <source>La langue sera appliquée au prochain démarrage de Mon Master Desk.
The language will change the next time Mon Master Desk starts.</source>
      <translation>The language will change the next time Mon Master Desk starts.
La langue sera appliquée au prochain démarrage de Mon Master Desk.</translation>
    </message>
    <message>
      <source>Rechercher un candidat</source>
      <translation type="vanished">Search for a candidate</translation>
    </message>
    <message>
      <source>Nouveau candidat</source>
      <translation type="vanished">New candidate</translation>
    </message>
    <message>
      <source>Ouvrir le dossier sélectionné</source>
      <translation type="vanished">Open the selected file</translation>
    </message>
    <message>
      <source>Entrée ou double-clic</source>
      <translation type="vanished">Enter or double-click</translation>
    </message>
    <message>
      <source>Candidat précédent / suivant</source>
      <translation type="vanished">Previous / next candidate</translation>
    </message>
    <message>
      <source>Imprimer les fiches</source>
      <translation type="vanished">Print the sheets</translation>
    </message>
    <message>
      <source>Imprimer toute la liste</source>
      <translation type="vanished">Print the whole list</translation>
    </message>
    <message>
      <source>Exporter la liste</source>
      <translation type="vanished">Export the list</translation>
    </message>
    <message>
      <source>Importer</source>
      <translation type="vanished">Import</translation>
    </message>
    <message>
      <source>Date de référence</source>
      <translation type="vanished">Reference date</translation>
    </message>
    <message>
      <source>Actualiser</source>
      <translation type="vanished">Refresh</translation>
    </message>
    <message>
      <source>Quitter</source>
      <translation type="vanished">Quit</translation>
    </message>
    <message>
      <source>Raccourcis clavier</source>
      <translation type="vanished">Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="103" />
      <source>À propos de Mon Master Desk</source>
      <translation>About Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="104" />
      <source>Mon Master Desk : le bureau de la scolarité pour les candidatures Mon Master et les inscriptions en première année de master.</source>
      <translation>Mon Master Desk: the Registrar's Office desk for Mon Master applications and first-year master's registrations.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="102" />
      <source>Tableau de bord</source>
      <extracomment>Recent lists by (worklist, campaign, search, sort, order, date): typing then erasing shows a list already read. Emptied by refresh(), which every write leads to.</extracomment>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="104" />
      <source>Les chiffres de la campagne (Ctrl+D)</source>
      <translation>The campaign's figures (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="217" />
      <source>&amp;Tableau de bord</source>
      <translation>&amp;Dashboard</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="220" />
      <source>Les chiffres de la campagne à la date de référence</source>
      <translation>The campaign's figures on the reference date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="243" />
      <source>&amp;Votre nom sur les fiches…</source>
      <translation>&amp;Your name on the sheets…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="245" />
      <source>Le nom imprimé après « Édité le … par » sur les fiches de situation</source>
      <translation>The name printed after “Issued on … by” on the status sheets</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window.py" line="355" />
      <source>Démonstration</source>
      <translation>Demonstration</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="87" />
      <source>Votre nom sur les fiches</source>
      <translation>Your name on the sheets</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="88" />
      <source>Nom imprimé sur les fiches (« Édité le … par … ») :</source>
      <translation>Name printed on the sheets (“Issued on … by …”):</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="94" />
      <source>Les fiches seront éditées au nom de : %1</source>
      <translation>Sheets will be issued in the name of: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/main_window_tools.py" line="95" />
      <source>(le service)</source>
      <translation>(the office)</translation>
    </message>
  </context>
  <context>
    <name>PurgeDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="38" />
      <source>Purge des données personnelles</source>
      <translation>Purge of personal data</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="43" />
      <source>Les candidats qui ne se sont pas inscrits sont supprimés quand leur durée de conservation est échue (comptée depuis la fin de la phase complémentaire de leur dernière campagne). Une sauvegarde est faite avant la purge ; le journal n'en garde que le nombre, sans aucun nom.</source>
      <translation>Candidates who did not register are deleted once their keeping period is over (counted from the end of the complementary phase of their latest campaign). A backup is made before the purge; the audit trail keeps only the count, no names.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="53" />
      <source> mois</source>
      <translation> months</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="55" />
      <source>&amp;Durée de conservation :</source>
      <translation>&amp;Keeping period:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="58" />
      <source>Date de référence : %1</source>
      <translation>Reference date: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="60" />
      <source>&amp;Afficher la liste</source>
      <translation>&amp;Show the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="72" />
      <source>N° candidat</source>
      <translation>Candidate no.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="72" />
      <source>Campagne</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="72" />
      <source>Motif</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="95" />
      <source>&amp;Purger ces candidats…</source>
      <translation>&amp;Purge these candidates…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="99" />
      <source>&amp;Fermer</source>
      <translation>&amp;Close</translation>
    </message>
    <message numerus="yes">
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="172" />
      <source>%n candidat(s) à supprimer.</source>
      <translation>
        <numerusform>%n candidate to delete.</numerusform>
        <numerusform>%n candidates to delete.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="174" />
      <source>Aucun candidat n'a dépassé la durée de conservation.</source>
      <translation>No candidate is past the keeping period.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="181" />
      <source>Confirmer la purge</source>
      <translation>Confirm the purge</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="183" />
      <source>Supprimer définitivement %1 candidat(s) et leurs candidatures ? Une sauvegarde est faite juste avant.</source>
      <translation>Permanently delete %1 candidate(s) and their applications? A backup is made just before.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="196" />
      <source>Purge en cours…</source>
      <translation>Purging…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="209" />
      <source>Purge terminée</source>
      <translation>Purge finished</translation>
    </message>
    <message>
      <source>%1 candidat(s) supprimé(s). Sauvegarde préalable : %2</source>
      <translation type="vanished">%1 candidate(s) deleted. Backup made first: %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="237" />
      <source>Purge impossible</source>
      <translation>Purge failed</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="87" />
      <source>&amp;Terminer le compactage</source>
      <translation>&amp;Finish the compaction</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="120" />
      <source>Compactage à terminer : la purge du %1 n'a pas pu compacter le fichier (un autre poste lisait la base) ; des traces des candidats supprimés y restent. Fermez les listes des autres postes puis terminez le compactage.</source>
      <translation>Compaction to finish: the purge of %1 could not compact the file (another desk was reading the database); traces of the deleted candidates remain in it. Close the lists on the other desks, then finish the compaction.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="132" />
      <source>Compactage du fichier…</source>
      <translation>Compacting the file…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="143" />
      <source>Compactage terminé</source>
      <translation>Compaction finished</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="144" />
      <source>Le fichier est compacté : plus aucune trace des candidats supprimés.</source>
      <translation>The file is compacted: no trace of the deleted candidates is left.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="149" />
      <source>Compactage à terminer plus tard</source>
      <translation>Compaction to finish later</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="151" />
      <source>Un autre poste lit toujours la base : le compactage n'a pas pu se faire. Réessayez quand les autres postes auront fermé leurs listes.</source>
      <translation>Another desk is still reading the database: the compaction could not be done. Try again once the other desks have closed their lists.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="203" />
      <source>%1 candidat(s) et %2 candidature(s) supprimé(s). Sauvegarde préalable : %3</source>
      <translation>%1 candidate(s) and %2 application(s) deleted. Backup taken before: %3</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="213" />
      <source>Purge faite, compactage à terminer</source>
      <translation>Purge done, compaction to finish</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="217" />
      <source>Un autre poste lisait la base : le fichier n'a pas pu être compacté, et des traces des candidats supprimés y restent jusqu'au compactage. Le terminer maintenant, ou plus tard (bouton « Terminer le compactage » de cette fenêtre) ?</source>
      <translation>Another desk was reading the database: the file could not be compacted, and traces of the deleted candidates remain in it until it is. Finish it now, or later (« Finish the compaction » button of this window)?</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="223" />
      <source>&amp;Réessayer maintenant</source>
      <translation>&amp;Try again now</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/purge_dialog.py" line="224" />
      <source>&amp;Plus tard</source>
      <translation>&amp;Later</translation>
    </message>
  </context>
  <context>
    <name>ReferenceDateDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/reference_date.py" line="35" />
      <source>Date de référence</source>
      <extracomment>Beyond this many sheets a print preview asks first (it lays out every page in memory).</extracomment>
      <translation>Reference date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/reference_date.py" line="36" />
      <source>&amp;Aujourd'hui (date du système)</source>
      <translation>&amp;Today (system date)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/reference_date.py" line="46" />
      <source>Les signalements et les listes (retards, motifs demandables) sont calculés à cette date.</source>
      <translation>Flags and worklists (overdue registrations, requestable reasons) are computed on this date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/reference_date.py" line="58" />
      <source>&amp;Date :</source>
      <translation>&amp;Date:</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../monmaster_desktop/ui/shortcuts.py" line="61" />
      <source>Raccourcis clavier — %1</source>
      <translation>Keyboard shortcuts — %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/shortcuts.py" line="96" />
      <source>Raccourcis clavier</source>
      <translation>Keyboard shortcuts</translation>
    </message>
  </context>
  <context>
    <name>Task</name>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="80" />
      <source>Annuler</source>
      <extracomment>``progress(value)`` or ``progress(value, "what is being done")`` (shown in the dialog).</extracomment>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="81" />
      <source>Mon Master Desk</source>
      <translation>Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/tasks.py" line="102" />
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
      <translation>Must contact the Registrar</translation>
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
