<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>ConnectDialog</name>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="76" />
      <source>Se connecter à un serveur</source>
      <translation>Connect to a server</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="87" />
      <source>ex. : pg.scolarite.univ.fr</source>
      <translation>e.g. pg.registrar.univ.fr</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="97" />
      <source>&amp;Mémoriser le mot de passe dans le trousseau du système</source>
      <translation>&amp;Remember the password in the system keyring</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="104" />
      <source>Aucun trousseau sur ce poste : le mot de passe sera demandé à chaque connexion (ou lu dans le fichier .pgpass).</source>
      <translation>No keyring on this computer: the password will be asked at each connection (or read from the .pgpass file).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="121" />
      <source>La base partagée du bureau, sur le serveur PostgreSQL de l'université. Votre identifiant vous est donné par le service informatique.</source>
      <translation>The office's shared database, on the university's PostgreSQL server. The IT department gives you your login.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="127" />
      <source>&amp;Serveur :</source>
      <translation>&amp;Server:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="128" />
      <source>&amp;Port :</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="129" />
      <source>&amp;Base :</source>
      <translation>&amp;Database:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="130" />
      <source>&amp;Identifiant :</source>
      <translation>&amp;Login:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="143" />
      <source>Se &amp;connecter</source>
      <translation>&amp;Connect</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="147" />
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="156" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="153" />
      <source>Mot de passe</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="155" />
      <source>Se connecter</source>
      <translation>Connect</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="159" />
      <source>Connexion annulée : aucun mot de passe donné.</source>
      <translation>Connection cancelled: no password given.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="179" />
      <source>le serveur</source>
      <translation>the server</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="180" />
      <source>la base</source>
      <translation>the database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="181" />
      <source>l'identifiant</source>
      <translation>the login</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="185" />
      <source>Indiquez %1.</source>
      <translation>Enter %1.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="206" />
      <source>Connexion à %1…</source>
      <translation>Connecting to %1…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="221" />
      <source>Mot de passe non mémorisé : aucun trousseau sur ce poste.</source>
      <translation>Password not remembered: no keyring on this computer.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="238" />
      <source>Mot de passe de %1 :</source>
      <translation>Password of %1:</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="313" />
      <source>Ouvrir une base</source>
      <translation>Open a database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="315" />
      <source>Base Mon Master (*.sqlite *.db);;Tous les fichiers (*)</source>
      <translation>Mon Master database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="331" />
      <source>Aucune base ouverte : Fichier › Se connecter à un serveur… ou Ouvrir un fichier…</source>
      <translation>No database open: File › Connect to a server… or Open a file…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="362" />
      <source>Ouverture de %1…</source>
      <translation>Opening %1…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="388" />
      <source>Base de données</source>
      <translation>Database</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/connect_dialog.py" line="389" />
      <source>Impossible d'ouvrir « %1 » : %2</source>
      <translation>Cannot open “%1”: %2</translation>
    </message>
  </context>
  <context>
    <name>FileLiveBar</name>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="159" />
      <source>&amp;Recharger</source>
      <extracomment>Seconds between two waits for notifications (also how fast the thread notices « stop »). A desk re-announces its open files (and checks the server) this often... ...and a presence not renewed for this long is forgotten (a desk that died). Waits between reconnection attempts, then the last one again and again. Changes arriving together are applied once, this long after the first.</extracomment>
      <translation>&amp;Reload</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="161" />
      <source>Co&amp;mparer</source>
      <translation>Co&amp;mpare</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="212" />
      <source>Ouvert aussi par %1</source>
      <translation>Also open by %1</translation>
    </message>
  </context>
  <context>
    <name>LiveDesk</name>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="269" />
      <source>Connexion au serveur…</source>
      <extracomment>After changes made elsewhere were shown (list, counts and open files re-read). True when the server answers again (or at first), False when it is lost. Who has which file open changed. candidate id -&gt; desk -&gt; (login, expiry on the monotonic clock)</extracomment>
      <translation>Connecting to the server…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="326" />
      <source>En ligne</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="346" />
      <source>Actualisation impossible : %1</source>
      <translation>Cannot refresh: %1</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="366" />
      <source>Ce dossier a été supprimé sur un autre poste.</source>
      <translation>This file was deleted on another desk.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="377" />
      <source>Modifié par %1 à %2</source>
      <translation>Changed by %1 at %2</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="378" />
      <source>(la fiche affichée n'est plus la dernière version).</source>
      <translation>(the file shown is no longer the latest version).</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="415" />
      <source>Recharger la fiche</source>
      <translation>Reload the file</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="416" />
      <source>Recharger remplace vos saisies par la fiche enregistrée. Continuer ?</source>
      <translation>Reloading replaces what you typed with the saved file. Continue?</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="462" />
      <source>Serveur injoignable — nouvelle tentative dans %1 s</source>
      <translation>Server unreachable — retrying in %1 s</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="466" />
      <source>Serveur injoignable — nouvelle tentative en cours…</source>
      <translation>Server unreachable — retrying now…</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="496" />
      <source>Serveur injoignable : rien n'a été enregistré et vos saisies sont gardées. L'enregistrement sera possible dès que le serveur répondra.</source>
      <translation>Server unreachable: nothing was saved and what you typed is kept. You can save as soon as the server answers.</translation>
    </message>
    <message>
      <location filename="../../monmaster_desktop/ui/live.py" line="508" />
      <source>Serveur injoignable : vos saisies restent dans la fiche ; vous pourrez enregistrer dès son retour.</source>
      <translation>Server unreachable: what you typed stays in the file; you can save as soon as it is back.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Se c&amp;onnecter à un serveur…</source>
      <translation>C&amp;onnect to a server…</translation>
    </message>
    <message>
      <source>La base partagée du bureau, sur un serveur PostgreSQL</source>
      <translation>The office's shared database, on a PostgreSQL server</translation>
    </message>
    <message>
      <source>Ouvrir un &amp;fichier…</source>
      <translation>Open a &amp;file…</translation>
    </message>
    <message>
      <source>Une base de ce poste (fichier SQLite)</source>
      <translation>A database on this computer (SQLite file)</translation>
    </message>
    <message>
      <source>Base : %1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <source>Serveur injoignable : la liste sera relue à son retour.</source>
      <translation>Server unreachable: the list will be read again when it is back.</translation>
    </message>
  </context>
</TS>