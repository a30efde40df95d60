<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>ApplicationEditor</name>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="83" />
      <source>Nouvelle candidature</source>
      <extracomment>Which optional fields each status uses (the others are greyed out, their text kept). Stands in for a date not typed yet, so the other fields can still be checked. Until the clerk saves once, a new application shows no message for a field left empty: no red before anything is typed.</extracomment>
      <translation>New application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="83" />
      <source>Candidature</source>
      <translation>Application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="85" />
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="140" />
      <source>Campa&amp;gne</source>
      <translation>Campai&amp;gn</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="141" />
      <source>P&amp;hase</source>
      <translation>P&amp;hase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="142" />
      <source>Code &amp;UAI</source>
      <translation>&amp;UAI code</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="143" />
      <source>É&amp;tablissement</source>
      <translation>Ins&amp;titution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="144" />
      <source>&amp;Mention</source>
      <translation>&amp;Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="145" />
      <source>Pa&amp;rcours</source>
      <translation>T&amp;rack</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="146" />
      <source>T&amp;ype de formation</source>
      <translation>T&amp;ype of training</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="147" />
      <source>&amp;Déposée le</source>
      <translation>Submitted &amp;on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="148" />
      <source>&amp;Statut</source>
      <translation>&amp;Status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="149" />
      <source>Ra&amp;ng en liste d'attente</source>
      <translation>Waiting list ra&amp;nk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="150" />
      <source>Moti&amp;f du refus</source>
      <translation>Re&amp;jection reason</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="151" />
      <source>Précisi&amp;on du motif</source>
      <translation>Reason &amp;details</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="152" />
      <source>Notifiée &amp;le</source>
      <translation>Noti&amp;fied on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="153" />
      <source>&amp;Acceptée le</source>
      <translation>&amp;Accepted on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="154" />
      <source>&amp;Inscription le</source>
      <translation>Re&amp;gistered on</translation>
    </message>
    <message>
      <source>&amp;Inscrite le</source>
      <translation type="vanished">&amp;Registered on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="163" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="166" />
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="170" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="169" />
      <source>Enregistrer la candidature</source>
      <translation>Save the application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="307" />
      <source>Date de dépôt</source>
      <translation>Submission date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="308" />
      <source>Date de notification</source>
      <translation>Notification date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="309" />
      <source>Date d'acceptation</source>
      <translation>Acceptance date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="310" />
      <source>Date d'inscription</source>
      <translation>Registration date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="316" />
      <source>Date de dépôt : champ obligatoire.</source>
      <translation>Submission date: required.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/application_editor.py" line="319" />
      <source>Aucune campagne : créez-en une (Campagnes et formations).</source>
      <translation>No campaign: create one first (Campaigns and courses).</translation>
    </message>
  </context>
  <context>
    <name>Campaigns</name>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="47" />
      <source>Consultation de l'offre à partir du</source>
      <extracomment>Periods of the calendar as the dialog shows them: label, start field, end field (or None).</extracomment>
      <translation>Browsing the offer from</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="49" />
      <source>Candidatures (phase principale)</source>
      <translation>Applications (main phase)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="53" />
      <source>Examen des dossiers</source>
      <translation>Examination of files</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="55" />
      <source>Phase d'admission principale</source>
      <translation>Main admission phase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="60" />
      <source>Phase complémentaire</source>
      <translation>Complementary phase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="65" />
      <source>Candidatures en phase complémentaire</source>
      <translation>Applications in the complementary phase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="70" />
      <source>Gestion des désistements</source>
      <translation>Withdrawals handling</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="92" />
      <source>Acceptée du</source>
      <extracomment>Dates a clerk may leave empty (not known yet): the withdrawals phase.</extracomment>
      <translation>Accepted from</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="94" />
      <source>S'inscrire au plus tard le</source>
      <translation>Register by</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="161" />
      <source>sans fin</source>
      <translation>no end</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="162" />
      <source>fixée par le chef d'établissement</source>
      <translation>set by the head of the institution</translation>
    </message>
  </context>
  <context>
    <name>CampaignsDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="201" />
      <source>Campagnes Mon Master</source>
      <translation>Mon Master campaigns</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="212" />
      <source>Ca&amp;mpagnes</source>
      <translation>Ca&amp;mpaigns</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="217" />
      <source>&amp;Nouvelle campagne</source>
      <translation>&amp;New campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="235" />
      <source>A&amp;nnée</source>
      <translation>Y&amp;ear</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="237" />
      <source>Dates &amp;confirmées (texte officiel publié)</source>
      <translation>Dates &amp;confirmed (official text published)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="246" />
      <source>Calendrier</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="257" />
      <source>du</source>
      <translation>from</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="260" />
      <source>au</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="267" />
      <source>Plafonds de candidatures (mentions)</source>
      <translation>Application caps (mentions)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="269" />
      <source>hors alternance</source>
      <translation>not in alternance</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="270" />
      <source>en alternance</source>
      <translation>in alternance</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="272" />
      <source>Phase &amp;principale</source>
      <translation>&amp;Main phase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="272" />
      <source>Phase compléme&amp;ntaire</source>
      <translation>Complementary p&amp;hase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="285" />
      <source>Dates limites d'inscription administrative (établissement)</source>
      <translation>Administrative registration deadlines (institution)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="305" />
      <source>Une date laissée vide : « sans fin » (dernière tranche) ou « fixée par le chef d'établissement ». F2 pour modifier une cellule, Suppr pour la vider.</source>
      <translation>An empty date means "no end" (last band) or "set by the head of the institution". F2 edits a cell, Del empties it.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="311" />
      <source>A&amp;jouter une tranche</source>
      <translation>A&amp;dd a band</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="312" />
      <source>&amp;Retirer la tranche</source>
      <translation>&amp;Remove the band</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="334" />
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="565" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="337" />
      <source>&amp;Fermer</source>
      <translation>C&amp;lose</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="432" />
      <source>Nouvelle campagne %1 : dates reprises de la campagne %2 décalées d'un an. Vérifiez chaque date sur l'arrêté publié, puis cochez « Dates confirmées ».</source>
      <translation>New campaign %1: dates copied from campaign %2, one year later. Check each date against the published order, then tick "Dates confirmed".</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="476" />
      <source>Date obligatoire (JJ/MM/AAAA).</source>
      <translation>Date required (DD/MM/YYYY).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="478" />
      <source>Date attendue au format JJ/MM/AAAA.</source>
      <translation>Date expected as DD/MM/YYYY.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="549" />
      <source>Campagne %1 enregistrée ; les dates limites des candidats ont été recalculées.</source>
      <translation>Campaign %1 saved; the candidates' deadlines were recomputed.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="562" />
      <source>Modifications non enregistrées</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="563" />
      <source>La campagne a des modifications non enregistrées.</source>
      <translation>The campaign has unsaved changes.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="566" />
      <source>&amp;Ne pas enregistrer</source>
      <translation>&amp;Don't save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/campaigns.py" line="567" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>CandidateFile</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="232" />
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="65" />
      <source>Établissement</source>
      <translation>Institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="234" />
      <source>Mention</source>
      <translation>Mention</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="235" />
      <source>Parcours</source>
      <translation>Track</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="67" />
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="238" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Type</source>
      <translation type="vanished">Type</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="237" />
      <source>Déposée le</source>
      <translation>Submitted on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="242" />
      <source>Notifiée le</source>
      <translation>Notified on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="243" />
      <source>Acceptée le</source>
      <translation>Accepted on</translation>
    </message>
    <message>
      <source>Motifs demandables jusqu'au</source>
      <translation type="vanished">Reasons can be asked until</translation>
    </message>
    <message>
      <source>Alternance</source>
      <translation type="vanished">Work-study</translation>
    </message>
    <message>
      <source>Initiale</source>
      <translation type="vanished">Initial</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="194" />
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="204" />
      <source> (rang %1)</source>
      <translation> (rank %1)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="215" />
      <source>N° de candidat</source>
      <translation>Candidate number</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="216" />
      <source>INE</source>
      <translation>INE</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="217" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="218" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="219" />
      <source>Date de naissance</source>
      <translation>Birth date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="220" />
      <source>Courriel</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="221" />
      <source>Téléphone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="222" />
      <source>Nationalité</source>
      <translation>Nationality</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="223" />
      <source>Pays de résidence</source>
      <translation>Country of residence</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="224" />
      <source>Diplôme</source>
      <translation>Diploma</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="225" />
      <source>État du diplôme</source>
      <translation>Diploma status</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="226" />
      <source>Redoublement du M1</source>
      <translation>Repeating M1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="227" />
      <source>VES / VAP</source>
      <translation>VES / VAP</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="228" />
      <source>Admission de droit (CMI)</source>
      <translation>Automatic admission (CMI)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="229" />
      <source>Historique à l'université</source>
      <translation>History at the university</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="230" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="244" />
      <source>Inscription le</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="64" />
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="231" />
      <source>Campagne</source>
      <translation>Campaign</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="66" />
      <source>Mention / parcours</source>
      <translation>Mention / track</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="68" />
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="93" />
      <source>Postérieur à la date de référence : pas encore survenu ce jour-là.</source>
      <translation>After the reference date: it had not happened yet on that day.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="136" />
      <source>Déposée le %1</source>
      <extracomment>The events' wording, for lupdate (``dates_lines`` translates them from a variable).</extracomment>
      <translation>Submitted on %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="137" />
      <source>notifiée le %1</source>
      <translation>notified on %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="138" />
      <source>Inscription le %1</source>
      <translation>Registered on %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="139" />
      <source>Acceptée le %1</source>
      <translation>Accepted on %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="140" />
      <source>motifs demandables jusqu'au %1</source>
      <translation>reasons requestable until %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="148" />
      <source> (postérieur)</source>
      <translation> (later)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="179" />
      <source>Pas encore déposée (%1 ensuite)</source>
      <translation>Not submitted yet (%1 later)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="185" />
      <source>%1 ensuite</source>
      <translation>%1 later</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="188" />
      <source>Définitive le %1 (à confirmer)</source>
      <translation>Definitive on %1 (to be confirmed)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="233" />
      <source>Code UAI</source>
      <translation>UAI code</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="236" />
      <source>Type de formation</source>
      <translation>Type of training</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="239" />
      <source>Rang</source>
      <translation>Rank</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="240" />
      <source>Motif du refus</source>
      <translation>Rejection reason</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="241" />
      <source>Précision du motif</source>
      <translation>Reason details</translation>
    </message>
    <message>
      <source>Inscrite le</source>
      <translation type="vanished">Registered on</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="247" />
      <source>Création</source>
      <translation>Creation</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="248" />
      <source>Modification</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="249" />
      <source>Suppression</source>
      <translation>Deletion</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="250" />
      <source>Purge</source>
      <translation>Purge</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="251" />
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="300" />
      <source>Utilisateur</source>
      <translation>User</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="301" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="302" />
      <source>Élément</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="303" />
      <source>Champ</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="304" />
      <source>Ancienne valeur</source>
      <translation>Old value</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="305" />
      <source>Nouvelle valeur</source>
      <translation>New value</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="324" />
      <source>Candidature %1</source>
      <translation>Application %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_models.py" line="326" />
      <source>Fiche du candidat</source>
      <translation>Candidate file</translation>
    </message>
    <message>
      <source>Son inscription a été interrompue un an : il doit contacter le service de scolarité avant de s'inscrire.</source>
      <translation type="vanished">Enrolment interrupted for a year: the candidate must contact the Registrar's Office before registering.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="34" />
      <source>Acceptation tardive : la date limite d'inscription est fixée par le chef d'établissement et n'est pas encore enregistrée (Catalogue des formations).</source>
      <translation>Late acceptance: the registration deadline is set by the head of the institution and is not recorded yet (Course catalogue).</translation>
    </message>
    <message>
      <source>La date limite d'inscription est passée et il n'est pas inscrit : le contacter.</source>
      <translation type="vanished">The registration deadline has passed and the candidate is not registered: contact them.</translation>
    </message>
    <message>
      <source>Il ne relève pas de Mon Master : il doit suivre la procédure Candidature / Pré-inscription de l'université.</source>
      <translation type="vanished">Not a Mon Master candidate: must follow the university's Application / Pre-registration procedure.</translation>
    </message>
    <message>
      <source>Il peut encore demander au chef d'établissement les motifs d'un refus.</source>
      <translation type="vanished">Can still ask the head of the institution for the reasons of a rejection.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="56" />
      <source>Inscription administrative</source>
      <translation>Administrative registration</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="59" />
      <source>%1, acceptée définitivement le %2.</source>
      <translation>%1, accepted definitively on %2.</translation>
    </message>
    <message>
      <source>Inscrit le %1.</source>
      <translation type="vanished">Registered on %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="33" />
      <source>Inscription interrompue pendant un an : contact avec le service de scolarité avant toute inscription.</source>
      <translation>Enrolment interrupted for a year: contact with the registrar's office before any registration.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="35" />
      <source>Date limite d'inscription passée, sans inscription : prendre contact avec la personne.</source>
      <translation>Registration deadline passed, not registered: get in touch with the candidate.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="36" />
      <source>Hors Mon Master : la candidature relève de la procédure Candidature / Pré-inscription de l'université.</source>
      <translation>Outside Mon Master: the application goes through the university's Application / Pre-registration procedure.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="37" />
      <source>Les motifs d'un refus peuvent encore être demandés au chef d'établissement.</source>
      <translation>The reasons for a refusal can still be requested from the head of the institution.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="69" />
      <source>Acceptation devenue définitive le %1 — à confirmer</source>
      <translation>Acceptance became definitive on %1 — to be confirmed</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="77" />
      <source>Inscription le %1.</source>
      <translation>Registered on %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="83" />
      <source>S'inscrire au plus tard le %1</source>
      <translation>Register by %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="93" />
      <source>Date limite fixée par le chef d'établissement (pas encore connue)</source>
      <translation>Deadline set by the head of the institution (not known yet)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="100" />
      <source>Par : %1</source>
      <translation>Through: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="106" />
      <source>Doit contacter le service de scolarité.</source>
      <translation>Must contact the Registrar's Office.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="122" />
      <source>Refus « %1 » (%2) notifié le %3 : motifs demandables jusqu'au %4.</source>
      <translation>Rejection "%1" (%2) notified on %3: reasons can be asked until %4.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="135" />
      <source>%1 délais de demande des motifs expirés.</source>
      <translation>%1 windows to request the reasons have expired.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="137" />
      <source>1 délai de demande des motifs expiré.</source>
      <translation>1 window to request the reasons has expired.</translation>
    </message>
    <message>
      <source>Refus « %1 » (%2) notifié le %3 : délai de demande des motifs expiré le %4.</source>
      <translation type="vanished">Rejection "%1" (%2) notified on %3: the time to ask for reasons ended on %4.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="143" />
      <source>Rien à faire pour l'instant.</source>
      <translation>Nothing to do for now.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_text.py" line="154" />
      <source>%1 : %2/%3 · alternance %4/%5</source>
      <translation>%1: %2/%3 · alternance %4/%5</translation>
    </message>
  </context>
  <context>
    <name>CandidateFileDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="120" />
      <source>Parties du dossier</source>
      <extracomment>A new file shows no message for a field still empty until the clerk saves once.</extracomment>
      <translation>Parts of the file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="122" />
      <source>Identité</source>
      <translation>Identity</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="123" />
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="59" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="124" />
      <source>Historique</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="130" />
      <source>Onglet « %1 »</source>
      <translation>Tab “%1”</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="143" />
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="385" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="148" />
      <source>&amp;Aperçu avant impression</source>
      <translation>Print pre&amp;view</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="152" />
      <source>E&amp;xporter en PDF…</source>
      <translation>E&amp;xport to PDF…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="154" />
      <source>&amp;Fermer</source>
      <translation>C&amp;lose</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="163" />
      <source>Enregistrer la fiche</source>
      <translation>Save the file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="169" />
      <source>Ajouter une candidature</source>
      <translation>Add an application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="171" />
      <source>Candidat suivant de la liste</source>
      <translation>Next candidate in the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="172" />
      <source>Candidat précédent de la liste</source>
      <translation>Previous candidate in the list</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="173" />
      <source>Fermer la fiche</source>
      <translation>Close the file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="193" />
      <source>Historique des modifications</source>
      <translation>History of changes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="82" />
      <source>Redou&amp;blement du M1</source>
      <translation>Repeating M&amp;1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="83" />
      <source>Admission par &amp;VES / VAP</source>
      <translation>Admission by &amp;VES / VAP</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="84" />
      <source>Admission de droit en M1 (C&amp;MI)</source>
      <translation>Automatic M1 admission (C&amp;MI)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="99" />
      <source>N° de &amp;candidat</source>
      <translation>&amp;Candidate number</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="100" />
      <source>&amp;INE</source>
      <translation>&amp;INE</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="101" />
      <source>&amp;Nom</source>
      <translation>&amp;Last name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="102" />
      <source>P&amp;rénom</source>
      <translation>&amp;First name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="103" />
      <source>Date de nai&amp;ssance</source>
      <translation>Birth &amp;date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="104" />
      <source>C&amp;ourriel</source>
      <translation>E&amp;mail</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="105" />
      <source>&amp;Téléphone</source>
      <translation>&amp;Phone</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="106" />
      <source>Nationa&amp;lité</source>
      <translation>Nationalit&amp;y</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="107" />
      <source>Pa&amp;ys de résidence</source>
      <translation>Country of &amp;residence</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="108" />
      <source>&amp;Diplôme</source>
      <translation>Dipl&amp;oma</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="109" />
      <source>État du di&amp;plôme</source>
      <translation>Diploma s&amp;tatus</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="110" />
      <source>&amp;Historique à l'université</source>
      <translation>&amp;History at the university</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation type="vanished">Situation</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="116" />
      <source>No&amp;tes</source>
      <translation>No&amp;tes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="93" />
      <source>A&amp;jouter</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <source>Inser ou Ctrl+Maj+N</source>
      <translation type="vanished">Ins or Ctrl+Shift+N</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="95" />
      <source>&amp;Modifier</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>Entrée</source>
      <translation type="vanished">Enter</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="97" />
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="197" />
      <source>&amp;Retirer</source>
      <translation>&amp;Withdraw</translation>
    </message>
    <message>
      <source>Suppr</source>
      <translation type="vanished">Del</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="111" />
      <source>Enregistrez d'abord la fiche (Ctrl+S) pour saisir ses candidatures.</source>
      <translation>Save the file first (Ctrl+S) to enter its applications.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="214" />
      <source>Éligibilité à Mon Master</source>
      <translation>Mon Master eligibility</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="220" />
      <source>Candidatures comptées</source>
      <translation>Counted applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="227" />
      <source>Ce que le candidat doit faire</source>
      <translation>What the candidate must do</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="231" />
      <source>&amp;Confirmer l'acceptation définitive</source>
      <translation>&amp;Confirm the definitive acceptance</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="275" />
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="280" />
      <source>Nouveau candidat</source>
      <translation>New candidate</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="278" />
      <source>Fiche candidat — %1</source>
      <translation>Candidate file — %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="301" />
      <source>Aucune candidature.</source>
      <translation>No application.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="302" />
      <source>La fiche n'est pas encore enregistrée.</source>
      <translation>The file is not saved yet.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="305" />
      <source>Campagne %1</source>
      <translation>Campaign %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="312" />
      <source>En gris : postérieur à la date de référence (%1), pas encore survenu ce jour-là.</source>
      <translation>In grey: after the reference date (%1), not yet happened on that day.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="222" />
      <source>Date de naissance</source>
      <translation>Birth date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="224" />
      <source>%1 : champ obligatoire.</source>
      <translation>%1: required.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="278" />
      <source>Verdict : complétez la nationalité et le pays de résidence.</source>
      <translation>Verdict: fill in the nationality and the country of residence.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="283" />
      <source>Éligible : candidature par Mon Master.</source>
      <translation>Eligible: applies through Mon Master.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="288" />
      <source>Non éligible à Mon Master :</source>
      <translation>Not eligible for Mon Master:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_form.py" line="290" />
      <source>→ procédure Candidature / Pré-inscription de l'université.</source>
      <translation>→ the university's Application / Pre-registration procedure.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="117" />
      <source>Fiche modifiée entre-temps</source>
      <translation>File changed meanwhile</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="118" />
      <source>Rien n'a été enregistré.</source>
      <translation>Nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="122" />
      <source>&amp;Recharger (abandonner mes saisies)</source>
      <translation>&amp;Reload (discard my changes)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="125" />
      <source>&amp;Comparer</source>
      <translation>&amp;Compare</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="387" />
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="198" />
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="126" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="159" />
      <source>Acceptation définitive : les autres candidatures en cours sont closes :</source>
      <translation>Definitive acceptance: the other open applications are closed:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="185" />
      <source>Cette candidature ne peut plus être retirée (%1).</source>
      <translation>This application can no longer be withdrawn (%1).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="89" />
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="192" />
      <source>Retirer la candidature</source>
      <translation>Withdraw the application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="86" />
      <source>Modifier la candidature</source>
      <translation>Edit the application</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="193" />
      <source>Retirer la candidature « %1 » (%2) ? Elle ne comptera plus dans les plafonds.</source>
      <translation>Withdraw the application "%1" (%2)? It will no longer count against the caps.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="165" />
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="260" />
      <source>Aperçu de la fiche de situation</source>
      <translation>Status sheet preview</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="277" />
      <source>Exporter la fiche en PDF</source>
      <translation>Export the sheet to PDF</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="277" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="288" />
      <source>PDF non enregistré : %1</source>
      <translation>PDF not saved: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="293" />
      <source>PDF enregistré : %1 (%2 page(s)).</source>
      <translation>PDF saved: %1 (%2 page(s)).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file_applications.py" line="316" />
      <source>Acceptation définitive du %1 enregistrée.</source>
      <translation>Definitive acceptance of %1 recorded.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="382" />
      <source>Modifications non enregistrées</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="383" />
      <source>La fiche a des modifications non enregistrées.</source>
      <translation>The file has unsaved changes.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_file.py" line="386" />
      <source>&amp;Ne pas enregistrer</source>
      <translation>&amp;Don't save</translation>
    </message>
  </context>
  <context>
    <name>Catalogue</name>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="41" />
      <source>Établissement</source>
      <translation>Institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="42" />
      <source>Formations</source>
      <translation>Courses</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="53" />
      <source>Parcours</source>
      <translation>Track</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="54" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="55" />
      <source>Candidatures</source>
      <translation>Applications</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="56" />
      <source>Date limite fixée par le chef d'établissement</source>
      <translation>Deadline set by the head of the institution</translation>
    </message>
  </context>
  <context>
    <name>CatalogueDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="89" />
      <source>Catalogue des formations</source>
      <translation>Course catalogue</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="93" />
      <source>Éta&amp;blissements</source>
      <translation>Institu&amp;tions</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="100" />
      <source>&amp;Nom</source>
      <translation>&amp;Last name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="102" />
      <source>Reno&amp;mmer</source>
      <translation>Rena&amp;me</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="117" />
      <source>&amp;Formations de l'établissement</source>
      <translation>&amp;Courses of the institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="124" />
      <source>&amp;Date limite d'inscription fixée par le chef d'établissement</source>
      <translation>Registration &amp;deadline set by the head of the institution</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="127" />
      <source>&amp;Enregistrer la date</source>
      <translation>&amp;Save the date</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="134" />
      <source>Pour les acceptations de la dernière tranche ; laisser vide tant qu'elle n'est pas connue. Les candidats concernés sont recalculés à l'enregistrement.</source>
      <translation>For acceptances in the last band; leave empty while unknown. The candidates concerned are recomputed when it is saved.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="158" />
      <source>Fermer</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/catalogue.py" line="216" />
      <source>Date limite</source>
      <translation>Deadline</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="44" />
      <source>Comparer avec la fiche enregistrée</source>
      <translation>Compare with the saved file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="47" />
      <source>Enregistrée par %1 le %2.</source>
      <translation>Saved by %1 on %2.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="50" />
      <source>Champ</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="50" />
      <source>Vos saisies</source>
      <translation>Your input</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="50" />
      <source>Fiche enregistrée</source>
      <translation>Saved file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="54" />
      <source>Vos saisies et la fiche enregistrée</source>
      <translation>What you typed and the saved file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="76" />
      <source>Enregistrer &amp;mes valeurs</source>
      <translation>Save &amp;my values</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="79" />
      <source>&amp;Recharger la fiche enregistrée</source>
      <translation>&amp;Reload the saved file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/candidate_compare.py" line="81" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>CountryPicker</name>
    <message>
      <location filename="../../monmaster_desktop/ui/widgets.py" line="142" />
      <source>nom ou code du pays</source>
      <translation>country name or code</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../monmaster_desktop/ui/widgets.py" line="66" />
      <source>JJ/MM/AAAA</source>
      <translation>DD/MM/YYYY</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/widgets.py" line="86" />
      <source>%1 : date attendue au format JJ/MM/AAAA (par exemple 26/02/2024).</source>
      <translation>%1: date expected as DD/MM/YYYY (for example 26/02/2024).</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="38" />
      <source>Paramètres du service</source>
      <translation>Office settings</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="50" />
      <source>Établissement d'accueil (dates limites et voies d'inscription)</source>
      <translation>Home institution (registration deadlines and routes)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="53" />
      <source>Code &amp;UAI</source>
      <translation>&amp;UAI code</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="54" />
      <source>&amp;Nom</source>
      <translation>&amp;Last name</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="63" />
      <source>Pays relevant de la procédure Études en France</source>
      <translation>Countries covered by the Études en France procedure</translation>
    </message>
    <message>
      <source>Rappel : Campus France comptait 69 pays en 2024 ; la liste livrée en compte 67 (source secondaire). Vérifiez-la sur le site de Campus France et complétez-la.</source>
      <translation type="vanished">Reminder: Campus France counted 69 countries in 2024; the shipped list has 67 (secondary source). Check it on the Campus France site and complete it.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="66" />
      <source>Rappel : Campus France comptait 69 pays en 2024 ; la liste livrée en compte 68 (source secondaire, Laos compris). Vérifiez-la sur le site de Campus France et complétez-la.</source>
      <translation>Reminder: Campus France listed 69 countries in 2024; the shipped list has 68 (secondary source, Laos included). Check it on the Campus France site and complete it.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="75" />
      <source>&amp;Liste</source>
      <translation>&amp;List</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="78" />
      <source>&amp;Pays</source>
      <translation>&amp;Country</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="80" />
      <source>&amp;Ajouter</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="81" />
      <source>&amp;Retirer</source>
      <translation>&amp;Withdraw</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="112" />
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="239" />
      <source>&amp;Enregistrer</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="114" />
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="245" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="155" />
      <source>%1 pays dans la liste.</source>
      <translation>%1 countries in the list.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="167" />
      <source>Choisissez un pays de la liste.</source>
      <translation>Choose a country from the list.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="206" />
      <source>Enregistrement impossible</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="236" />
      <source>Modifications non enregistrées</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="237" />
      <source>Les réglages ont été modifiés. Les enregistrer avant de fermer ?</source>
      <translation>The settings were changed. Save them before closing?</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="242" />
      <source>&amp;Ne pas enregistrer</source>
      <translation>&amp;Don't save</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="217" />
      <source>Réglages modifiés sur un autre poste</source>
      <translation>Settings changed on another desk</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="220" />
      <source>&amp;Recharger les réglages</source>
      <translation>&amp;Reload the settings</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/settings_dialog.py" line="221" />
      <source>&amp;Garder mes saisies</source>
      <translation>&amp;Keep my entries</translation>
    </message>
  </context>
  <context>
    <name>domain</name>
    <message>
      <source>Licence</source>
      <translation>Bachelor's degree (Licence)</translation>
    </message>
    <message>
      <source>Licence professionnelle</source>
      <translation>Professional bachelor's degree</translation>
    </message>
    <message>
      <source>BUT</source>
      <translation>BUT (university technology bachelor)</translation>
    </message>
    <message>
      <source>Autre diplôme bac+3</source>
      <translation>Other 3-year higher-education diploma</translation>
    </message>
    <message>
      <source>Aucun diplôme donnant accès au master</source>
      <translation>No diploma giving access to a master's</translation>
    </message>
    <message>
      <source>obtenu</source>
      <translation>obtained</translation>
    </message>
    <message>
      <source>en préparation</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>Jamais inscrit (nouvel entrant)</source>
      <translation>Never enrolled (new entrant)</translation>
    </message>
    <message>
      <source>Inscrit l'an dernier (N-1)</source>
      <translation>Enrolled last year (N-1)</translation>
    </message>
    <message>
      <source>Inscription interrompue un an</source>
      <translation>Enrolment interrupted for a year</translation>
    </message>
    <message>
      <source>Phase principale</source>
      <translation>Main phase</translation>
    </message>
    <message>
      <source>Phase complémentaire</source>
      <translation>Complementary phase</translation>
    </message>
    <message>
      <source>Formation initiale</source>
      <translation>Initial training</translation>
    </message>
    <message>
      <source>Alternance</source>
      <translation>Alternance</translation>
    </message>
    <message>
      <source>Candidature déposée</source>
      <translation>Application submitted</translation>
    </message>
    <message>
      <source>En liste d'attente</source>
      <translation>On the waiting list</translation>
    </message>
    <message>
      <source>Recherche de contrat</source>
      <translation>Contract search</translation>
    </message>
    <message>
      <source>Proposition d'admission</source>
      <translation>Admission offer</translation>
    </message>
    <message>
      <source>Acceptée (non définitivement)</source>
      <translation>Accepted (not definitively)</translation>
    </message>
    <message>
      <source>Acceptée définitivement</source>
      <translation>Accepted definitively</translation>
    </message>
    <message>
      <source>Proposition refusée</source>
      <translation>Offer declined</translation>
    </message>
    <message>
      <source>Proposition expirée</source>
      <translation>Offer expired</translation>
    </message>
    <message>
      <source>Candidature refusée</source>
      <translation>Application rejected</translation>
    </message>
    <message>
      <source>Candidature retirée</source>
      <translation>Application withdrawn</translation>
    </message>
    <message>
      <source>dossier incomplet</source>
      <translation>incomplete file</translation>
    </message>
    <message>
      <source>dossier non valide</source>
      <translation>invalid file</translation>
    </message>
    <message>
      <source>conditions d'admission non remplies</source>
      <translation>admission requirements not met</translation>
    </message>
    <message>
      <source>autre motif</source>
      <translation>other reason</translation>
    </message>
    <message>
      <source>Portail d'inscription IAWEB Primo</source>
      <translation>IAWEB Primo enrolment portal</translation>
    </message>
    <message>
      <source>Votre ENT (environnement numérique de travail)</source>
      <translation>Your ENT (digital workspace)</translation>
    </message>
    <message>
      <source>Contacter le service de scolarité</source>
      <translation>Contact the Registrar's Office</translation>
    </message>
    <message>
      <source>Inscription interrompue : doit contacter le service de scolarité</source>
      <translation>Interrupted enrolment: must contact the Registrar's Office</translation>
    </message>
    <message>
      <source>Date limite d'inscription à fixer par le chef d'établissement</source>
      <translation>Registration deadline to be set by the head of the institution</translation>
    </message>
    <message>
      <source>Date limite d'inscription dépassée, non inscrit</source>
      <translation>Registration deadline passed, not registered</translation>
    </message>
    <message>
      <source>Non éligible à Mon Master : candidature / pré-inscription</source>
      <translation>Not eligible for Mon Master: application / pre-registration</translation>
    </message>
    <message>
      <source>Refus : délai de demande des motifs en cours</source>
      <translation>Rejected: reasons can still be requested</translation>
    </message>
    <message>
      <source>Ressortissant étranger résidant dans un pays relevant de la procédure Études en France</source>
      <translation>Foreign national living in a country covered by the Études en France procedure</translation>
    </message>
    <message>
      <source>Redoublement de la première année de master</source>
      <translation>Repeating the first year of a master's</translation>
    </message>
    <message>
      <source>Admission par validation d'études ou d'expérience (VES/VAP)</source>
      <translation>Admission by validation of studies or experience (VES/VAP)</translation>
    </message>
    <message>
      <source>Admission de droit en M1 prévue par le cursus (par exemple CMI)</source>
      <translation>Automatic M1 admission provided by the course (e.g. CMI)</translation>
    </message>
    <message>
      <source>Ni titulaire ni en préparation d'un diplôme donnant accès au master</source>
      <translation>Neither holds nor prepares a diploma giving access to a master's</translation>
    </message>
  </context>
</TS>