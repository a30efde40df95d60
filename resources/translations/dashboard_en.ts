<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>Dashboard</name>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="106" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="366" />
      <source>Candidats</source>
      <extracomment>Application statuses in the order of their life (RULES.md §5).</extracomment>
      <translation>Candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="107" />
      <source>Éligibles</source>
      <translation>Eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="108" />
      <source>Doivent contacter la scolarité</source>
      <translation>Must contact the registrar</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="109" />
      <source>Acceptés définitivement ici</source>
      <translation>Accepted definitively here</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="110" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="362" />
      <source>Inscrits</source>
      <translation>Registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="111" />
      <source>En retard d'inscription</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="112" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="116" />
      <source>Date limite à fixer</source>
      <translation>Deadline to be set</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="113" />
      <source>Délais de demande des motifs ouverts</source>
      <translation>Windows to ask for reasons open</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="114" />
      <source>Non éligibles</source>
      <translation>Not eligible</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="115" />
      <source>Inscription en retard</source>
      <translation>Registration overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="117" />
      <source>Inscription interrompue</source>
      <translation>Interrupted enrolment</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="125" />
      <source>acceptés</source>
      <translation>accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="126" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="323" />
      <source>inscrits</source>
      <translation>registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="127" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="324" />
      <source>en retard</source>
      <translation>overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="129" />
      <source>%1 : %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="136" />
      <source>Candidats dont c'est la dernière campagne.</source>
      <translation>Candidates whose latest campaign this is.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="137" />
      <source>Relèvent de Mon Master (nationalité, résidence, diplôme).</source>
      <translation>Go through Mon Master (nationality, residence, diploma).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="139" />
      <source>Inscription interrompue, date limite à fixer ou inscription en retard.</source>
      <translation>Interrupted enrolment, deadline to be set or registration overdue.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="142" />
      <source>Ont accepté définitivement une proposition de l'établissement, à la date de référence.</source>
      <translation>Accepted an offer of the institution definitively, on the reference date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="144" />
      <source>Acceptés ici et inscrits administrativement à la date.</source>
      <translation>Accepted here and registered on the date.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="145" />
      <source>Date limite d'inscription dépassée, non inscrits.</source>
      <translation>Registration deadline passed, not registered.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="147" />
      <source>Acceptés en fin de campagne : date limite à fixer par le chef d'établissement.</source>
      <translation>Accepted late in the campaign: deadline to be set by the head of the institution.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="150" />
      <source>Refusés pouvant encore demander les motifs du refus (un mois).</source>
      <translation>Rejected candidates who may still ask for the reasons (one month).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="157" />
      <source>Déposée</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="158" />
      <source>En liste d'attente</source>
      <translation>Waitlisted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="159" />
      <source>Recherche de contrat</source>
      <translation>Contract search</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="160" />
      <source>Proposition d'admission</source>
      <translation>Offer</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="161" />
      <source>Acceptée (non définitivement)</source>
      <translation>Accepted (provisionally)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="162" />
      <source>Acceptée définitivement</source>
      <translation>Accepted definitively</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="163" />
      <source>Proposition refusée</source>
      <translation>Offer declined</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="164" />
      <source>Proposition expirée</source>
      <translation>Offer expired</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="165" />
      <source>Refusée</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="166" />
      <source>Retirée</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="172" />
      <source>Études en France</source>
      <translation>Études en France</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="173" />
      <source>Redoublement du M1</source>
      <translation>Repeating the M1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="174" />
      <source>Validation d'études ou d'expérience</source>
      <translation>Validation of studies or experience</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="175" />
      <source>Admission de droit (CMI…)</source>
      <translation>Automatic admission (CMI…)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="176" />
      <source>Sans diplôme donnant accès au master</source>
      <translation>No diploma giving access to a Master</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="223" />
      <source>%1 / %2 inscrits</source>
      <translation>%1 / %2 registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="226" />
      <source>%1 en retard</source>
      <translation>%1 overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="276" />
      <source>limite %1</source>
      <translation>deadline %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="281" />
      <source>situation au %1</source>
      <translation>as of %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="290" />
      <source>Acceptés définitivement ici (cumul)</source>
      <translation>Accepted definitively here (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="295" />
      <source>Inscrits (cumul)</source>
      <translation>Registered (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="325" />
      <source>acceptés, pas encore inscrits</source>
      <translation>accepted, not registered yet</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="360" />
      <source>Chiffres</source>
      <translation>Figures</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="360" />
      <source>Indicateur</source>
      <translation>Figure</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="360" />
      <source>Nombre</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="361" />
      <source>Par mention</source>
      <translation>By mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="362" />
      <source>Mention</source>
      <translation>Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="362" />
      <source>Acceptés</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="362" />
      <source>En retard</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="362" />
      <source>% inscrits</source>
      <translation>% registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="365" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="496" />
      <source>Candidatures par statut</source>
      <translation>Applications by status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="365" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="365" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="366" />
      <source>Motifs de non-éligibilité</source>
      <translation>Reasons of ineligibility</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="366" />
      <source>Motif</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="367" />
      <source>Inscriptions par jour</source>
      <translation>Registrations per day</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="369" />
      <source>Jour</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="370" />
      <source>Acceptations</source>
      <translation>Acceptances</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="371" />
      <source>Acceptations (cumul)</source>
      <translation>Acceptances (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="372" />
      <source>Inscriptions</source>
      <translation>Registrations</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="373" />
      <source>Inscriptions (cumul)</source>
      <translation>Registrations (running total)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="418" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="556" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="595" />
      <source>Tableau de bord — campagne %1</source>
      <translation>Dashboard — campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="421" />
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="596" />
      <source>Situation au %1</source>
      <translation>As of %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="431" />
      <source>Imprimé le %1 · page %2 / %3</source>
      <translation>Printed on %1 · page %2 / %3</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="493" />
      <source>Inscriptions dans le temps</source>
      <translation>Registrations over time</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="508" />
      <source>Motifs de non-éligibilité (candidats)</source>
      <translation>Reasons of ineligibility (candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="521" />
      <source>Par mention de l'établissement</source>
      <translation>By mention of the institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/printing/dashboard.py" line="600" />
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
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="158" />
      <source>%1 — %2 candidat(s), situation au %3</source>
      <translation>%1 — %2 candidate(s), as of %3</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="167" />
      <source>Colonnes de la liste</source>
      <translation>Columns of the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="186" />
      <source>Ouvrir le dossier</source>
      <translation>Open the file</translation>
    </message>
  </context>
  <context>
    <name>DashboardWindow</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="225" />
      <source>Tableau de bord — Mon Master Desk</source>
      <extracomment>Emitted when figures are shown (tests and the status line wait for it).</extracomment>
      <translation>Dashboard — Mon Master Desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="226" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="252" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="540" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="554" />
      <source>Tableau de bord</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="235" />
      <source>Chiffres et graphiques</source>
      <translation>Figures and charts</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="261" />
      <source>Campagne</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="262" />
      <source>Campagne affichée</source>
      <translation>Campaign shown</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="266" />
      <source>&amp;Campagne :</source>
      <translation>&amp;Campaign:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="275" />
      <source>A&amp;ctualiser</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="276" />
      <source>&amp;Imprimer…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="277" />
      <source>&amp;PDF…</source>
      <translation>P&amp;DF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="278" />
      <source>&amp;Exporter les tableaux…</source>
      <translation>&amp;Export the tables…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="279" />
      <source>Tous les tableaux dans un fichier CSV ou XLSX</source>
      <translation>Every table in one CSV or XLSX file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="311" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="352" />
      <source>Inscriptions dans le temps</source>
      <translation>Registrations over time</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="315" />
      <source>Par mention</source>
      <translation>By mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="320" />
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="368" />
      <source>Tableau par mention</source>
      <translation>Table by mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="338" />
      <source>Colonnes du tableau par mention</source>
      <translation>Columns of the table by mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="345" />
      <source>Candidatures par statut</source>
      <translation>Applications by status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="348" />
      <source>Motifs de non-éligibilité</source>
      <translation>Reasons of ineligibility</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="355" />
      <source>Candidatures par statut (au jour de la situation)</source>
      <translation>Applications by status (on the day shown)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="361" />
      <source>Par mention : inscrits, en retard, acceptés</source>
      <translation>By mention: registered, overdue, accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="370" />
      <source>Motifs de non-éligibilité (candidats)</source>
      <translation>Reasons of ineligibility (candidates)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="399" />
      <source>Calcul des chiffres au %1…</source>
      <translation>Computing the figures as of %1…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="417" />
      <source>Calcul impossible : %1</source>
      <translation>Cannot compute: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="432" />
      <source>Campagne %1</source>
      <translation>Campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="437" />
      <source>Situation au %1 (aujourd'hui)</source>
      <translation>As of %1 (today)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="439" />
      <source>Situation au %1 (date de référence fixée)</source>
      <translation>As of %1 (fixed reference date)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="456" />
      <source>Chiffres calculés en %1 s · un clic sur un chiffre, une barre ou une ligne liste les candidats</source>
      <translation>Figures computed in %1 s · click a figure, a bar or a row to list the candidates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="463" />
      <source>%1 acceptés définitivement ici, %2 inscrits au %3.</source>
      <translation>%1 accepted definitively here, %2 registered as of %3.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="469" />
      <source>Dates limites : %1.</source>
      <translation>Deadlines: %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="517" />
      <source>Liste impossible : %1</source>
      <translation>Cannot list: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="533" />
      <source>Service de scolarité</source>
      <translation>Registrar's Office</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="540" />
      <source>Aucun chiffre à sortir pour l'instant.</source>
      <translation>No figures to output yet.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="560" />
      <source>Impression</source>
      <translation>Printing</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="560" />
      <source>Imprimante indisponible.</source>
      <translation>Printer unavailable.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="576" />
      <source>Tableau de bord en PDF</source>
      <translation>Dashboard as PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="578" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="588" />
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="588" />
      <source>PDF non écrit : %1</source>
      <translation>PDF not written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="592" />
      <source>PDF écrit : %1 (%2 page(s))</source>
      <translation>PDF written: %1 (%2 page(s))</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="602" />
      <source>Exporter les tableaux</source>
      <translation>Export the tables</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="604" />
      <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="614" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="614" />
      <source>Fichier non écrit : %1</source>
      <translation>File not written: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="618" />
      <source>%1 ligne(s) exportée(s) dans %2</source>
      <translation>%1 row(s) exported to %2</translation>
    </message>
  </context>
  <context>
    <name>MentionModel</name>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="120" />
      <source>Mention</source>
      <translation>Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="121" />
      <source>Acceptés</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="122" />
      <source>Inscrits</source>
      <translation>Registered</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="123" />
      <source>En retard</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/dashboard.py" line="124" />
      <source>% inscrits</source>
      <translation>% registered</translation>
    </message>
  </context>
</TS>