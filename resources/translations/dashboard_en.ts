<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>Dashboard</name>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="105" />
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="57" />
      <source>Candidats</source>
      <extracomment>Application statuses in the order of their life (RULES.md §5).</extracomment>
      <translation>Candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="106" />
      <source>Éligibles</source>
      <translation>Eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="107" />
      <source>Doivent contacter la scolarité</source>
      <translation>Must contact the registrar</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="108" />
      <source>Acceptés définitivement ici</source>
      <translation>Accepted definitively here</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="109" />
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="53" />
      <source>Inscrits</source>
      <translation>Registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="110" />
      <source>En retard d'inscription</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="111" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="115" />
      <source>Date limite à fixer</source>
      <translation>Deadline to be set</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="112" />
      <source>Délais de demande des motifs ouverts</source>
      <translation>Windows to ask for reasons open</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="113" />
      <source>Non éligibles</source>
      <translation>Not eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="114" />
      <source>Inscription en retard</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="116" />
      <source>Inscription interrompue</source>
      <translation>Interrupted enrolment</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="124" />
      <source>acceptés</source>
      <translation>accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="125" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="322" />
      <source>inscrits</source>
      <translation>registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="126" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="323" />
      <source>en retard</source>
      <translation>overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="128" />
      <source>%1 : %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="135" />
      <source>Candidats dont c'est la dernière campagne.</source>
      <translation>Candidates whose latest campaign this is.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="136" />
      <source>Relèvent de Mon Master (nationalité, résidence, diplôme).</source>
      <translation>Go through Mon Master (nationality, residence, diploma).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="138" />
      <source>Inscription interrompue, date limite à fixer ou inscription en retard.</source>
      <translation>Interrupted enrolment, deadline to be set or registration overdue.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="141" />
      <source>Ont accepté définitivement une proposition de l'établissement, à la date de référence.</source>
      <translation>Accepted an offer of the institution definitively, on the reference date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="143" />
      <source>Acceptés ici et inscrits administrativement à la date.</source>
      <translation>Accepted here and registered on the date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="144" />
      <source>Date limite d'inscription dépassée, non inscrits.</source>
      <translation>Registration deadline passed, not registered.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="146" />
      <source>Acceptés en fin de campagne : date limite à fixer par le chef d'établissement.</source>
      <translation>Accepted late in the campaign: deadline to be set by the head of the institution.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="149" />
      <source>Refusés pouvant encore demander les motifs du refus (un mois).</source>
      <translation>Rejected candidates who may still ask for the reasons (one month).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="156" />
      <source>Déposée</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="157" />
      <source>En liste d'attente</source>
      <translation>Waitlisted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="158" />
      <source>Recherche de contrat</source>
      <translation>Contract search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="159" />
      <source>Proposition d'admission</source>
      <translation>Offer</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="160" />
      <source>Acceptée (non définitivement)</source>
      <translation>Accepted (provisionally)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="161" />
      <source>Acceptée définitivement</source>
      <translation>Accepted definitively</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="162" />
      <source>Proposition refusée</source>
      <translation>Offer declined</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="163" />
      <source>Proposition expirée</source>
      <translation>Offer expired</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="164" />
      <source>Refusée</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="165" />
      <source>Retirée</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="171" />
      <source>Études en France</source>
      <translation>Études en France</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="172" />
      <source>Redoublement du M1</source>
      <translation>Repeating the M1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="173" />
      <source>Validation d'études ou d'expérience</source>
      <translation>Validation of studies or experience</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="174" />
      <source>Admission de droit (CMI…)</source>
      <translation>Automatic admission (CMI…)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="175" />
      <source>Sans diplôme donnant accès au master</source>
      <translation>No diploma giving access to a Master</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="222" />
      <source>%1 / %2 inscrits</source>
      <translation>%1 / %2 registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="225" />
      <source>%1 en retard</source>
      <translation>%1 overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="275" />
      <source>limite %1</source>
      <translation>deadline %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="280" />
      <source>situation au %1</source>
      <translation>as of %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="289" />
      <source>Acceptés définitivement ici (cumul)</source>
      <translation>Accepted definitively here (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="294" />
      <source>Inscrits (cumul)</source>
      <translation>Registered (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="324" />
      <source>acceptés, pas encore inscrits</source>
      <translation>accepted, not registered yet</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="366" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="504" />
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="86" />
      <source>Tableau de bord — campagne %1</source>
      <translation>Dashboard — campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="369" />
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="87" />
      <source>Situation au %1</source>
      <translation>As of %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="379" />
      <source>Imprimé le %1 · page %2 / %3</source>
      <translation>Printed on %1 · page %2 / %3</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="441" />
      <source>Inscriptions dans le temps</source>
      <translation>Registrations over time</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="444" />
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="56" />
      <source>Candidatures par statut</source>
      <translation>Applications by status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="456" />
      <source>Motifs de non-éligibilité (candidats)</source>
      <translation>Reasons of ineligibility (candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="469" />
      <source>Par mention de l'établissement</source>
      <translation>By mention of the institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="51" />
      <source>Chiffres</source>
      <translation>Figures</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="51" />
      <source>Indicateur</source>
      <translation>Figure</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="51" />
      <source>Nombre</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="52" />
      <source>Par mention</source>
      <translation>By mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="53" />
      <source>Mention</source>
      <translation>Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="53" />
      <source>Acceptés</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="53" />
      <source>En retard</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="53" />
      <source>% inscrits</source>
      <translation>% registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="56" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="56" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="57" />
      <source>Motifs de non-éligibilité</source>
      <translation>Reasons of ineligibility</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="57" />
      <source>Motif</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="58" />
      <source>Inscriptions par jour</source>
      <translation>Registrations per day</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="60" />
      <source>Jour</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="61" />
      <source>Acceptations</source>
      <translation>Acceptances</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="62" />
      <source>Acceptations (cumul)</source>
      <translation>Acceptances (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="63" />
      <source>Inscriptions</source>
      <translation>Registrations</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="64" />
      <source>Inscriptions (cumul)</source>
      <translation>Registrations (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard_tables.py" line="91" />
      <source>Tableau de bord</source>
      <translation>Dashboard</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_charts.py" line="129" />
      <source>Aucune donnée</source>
      <translation>No data</translation>
    </message>
  </context>
  <context>
    <name>CandidateListDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="116" />
      <source>%1 — %2 candidat(s), situation au %3</source>
      <translation>%1 — %2 candidate(s), as of %3</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="125" />
      <source>Colonnes de la liste</source>
      <translation>Columns of the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="144" />
      <source>Ouvrir le dossier</source>
      <translation>Open the file</translation>
    </message>
  </context>
  <context>
    <name>DashboardWindow</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="84" />
      <source>Tableau de bord — Mon Master Desk</source>
      <extracomment>Emitted when figures are shown (tests and the status line wait for it).</extracomment>
      <translation>Dashboard — Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="85" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="111" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="399" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="413" />
      <source>Tableau de bord</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="94" />
      <source>Chiffres et graphiques</source>
      <translation>Figures and charts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="120" />
      <source>Campagne</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="121" />
      <source>Campagne affichée</source>
      <translation>Campaign shown</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="125" />
      <source>&amp;Campagne :</source>
      <translation>&amp;Campaign:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="134" />
      <source>A&amp;ctualiser</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="135" />
      <source>&amp;Imprimer…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="136" />
      <source>&amp;PDF…</source>
      <translation>P&amp;DF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="137" />
      <source>&amp;Exporter les tableaux…</source>
      <translation>&amp;Export the tables…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="138" />
      <source>Tous les tableaux dans un fichier CSV ou XLSX</source>
      <translation>Every table in one CSV or XLSX file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="170" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="211" />
      <source>Inscriptions dans le temps</source>
      <translation>Registrations over time</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="174" />
      <source>Par mention</source>
      <translation>By mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="179" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="227" />
      <source>Tableau par mention</source>
      <translation>Table by mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="197" />
      <source>Colonnes du tableau par mention</source>
      <translation>Columns of the table by mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="204" />
      <source>Candidatures par statut</source>
      <translation>Applications by status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="207" />
      <source>Motifs de non-éligibilité</source>
      <translation>Reasons of ineligibility</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="214" />
      <source>Candidatures par statut (au jour de la situation)</source>
      <translation>Applications by status (on the day shown)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="220" />
      <source>Par mention : inscrits, en retard, acceptés</source>
      <translation>By mention: registered, overdue, accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="229" />
      <source>Motifs de non-éligibilité (candidats)</source>
      <translation>Reasons of ineligibility (candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="258" />
      <source>Calcul des chiffres au %1…</source>
      <translation>Computing the figures as of %1…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="276" />
      <source>Calcul impossible : %1</source>
      <translation>Cannot compute: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="291" />
      <source>Campagne %1</source>
      <translation>Campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="296" />
      <source>Situation au %1 (aujourd'hui)</source>
      <translation>As of %1 (today)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="298" />
      <source>Situation au %1 (date de référence fixée)</source>
      <translation>As of %1 (fixed reference date)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="315" />
      <source>Chiffres calculés en %1 s · un clic sur un chiffre, une barre ou une ligne liste les candidats</source>
      <translation>Figures computed in %1 s · click a figure, a bar or a row to list the candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="322" />
      <source>%1 acceptés définitivement ici, %2 inscrits au %3.</source>
      <translation>%1 accepted definitively here, %2 registered as of %3.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="328" />
      <source>Dates limites : %1.</source>
      <translation>Deadlines: %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="376" />
      <source>Liste impossible : %1</source>
      <translation>Cannot list: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="392" />
      <source>Service de scolarité</source>
      <translation>Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="399" />
      <source>Aucun chiffre à sortir pour l'instant.</source>
      <translation>No figures to output yet.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="419" />
      <source>Impression</source>
      <translation>Printing</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="419" />
      <source>Imprimante indisponible.</source>
      <translation>Printer unavailable.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="435" />
      <source>Tableau de bord en PDF</source>
      <translation>Dashboard as PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="437" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="447" />
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="447" />
      <source>PDF non écrit : %1</source>
      <translation>PDF not written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="451" />
      <source>PDF écrit : %1 (%2 page(s))</source>
      <translation>PDF written: %1 (%2 page(s))</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="461" />
      <source>Exporter les tableaux</source>
      <translation>Export the tables</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="463" />
      <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="473" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="473" />
      <source>Fichier non écrit : %1</source>
      <translation>File not written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="477" />
      <source>%1 ligne(s) exportée(s) dans %2</source>
      <translation>%1 row(s) exported to %2</translation>
    </message>
  </context>
  <context>
    <name>MentionModel</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="78" />
      <source>Mention</source>
      <translation>Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="79" />
      <source>Acceptés</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="80" />
      <source>Inscrits</source>
      <translation>Registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="81" />
      <source>En retard</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard_lists.py" line="82" />
      <source>% inscrits</source>
      <translation>% registered</translation>
    </message>
  </context>
</TS>