<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="35" />
        <source>À propos de Mon Master Desk</source>
        <translation>About Mon Master Desk</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="41" />
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="43" />
        <source>Le bureau de la scolarité pour les candidatures Mon Master et les inscriptions en première année de master.</source>
        <translation>The registrar office's desk for Mon Master applications and first-year Master enrolment.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="54" />
        <source>aucune (valeurs livrées avec le programme)</source>
        <translation>none (the program's shipped defaults)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="57" />
        <source>%1 (lue en partie : %2 problème(s))</source>
        <translation>%1 (read in part: %2 problem(s))</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="64" />
        <source>texte de la licence</source>
        <translation>licence text</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="68" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="69" />
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="119" />
        <source>Base de données</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="69" />
        <source>aucune base ouverte</source>
        <translation>no database open</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="70" />
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="120" />
        <source>Configuration du site</source>
        <translation>Site configuration</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="71" />
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="121" />
        <source>Dossier des journaux</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="74" />
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="79" />
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="122" />
        <source>Environnement</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="98" />
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="99" />
        <source>Copier ces informations</source>
        <translation>Copy this information</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="100" />
        <source>Copier ces informations pour le support informatique</source>
        <translation>Copy this information for IT support</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="104" />
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="105" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/about_dialog.py" line="130" />
        <source>Copié</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="64" />
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="65" />
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="77" />
        <source>&lt;b&gt;Une erreur inattendue est survenue.&lt;/b&gt;&lt;br&gt;Ce que vous avez saisi est resté dans la fenêtre : vérifiez-le et enregistrez-le. Si l'erreur se répète, fermez puis rouvrez le programme, et transmettez les détails ci-dessous au support informatique.</source>
        <translation>&lt;b&gt;An unexpected error occurred.&lt;/b&gt;&lt;br&gt;What you typed is still in the window: check it and save it. If the error happens again, close and reopen the program, and send the details below to IT support.</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="91" />
        <source>Détails de l'erreur</source>
        <translation>Error details</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="93" />
        <source>aucun (dossier des journaux inaccessible)</source>
        <translation>none (log folder not writable)</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="94" />
        <source>Journal : %1</source>
        <translation>Log: %1</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="99" />
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="100" />
        <source>Copier les détails</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="103" />
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="104" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../monmaster_desktop/ui/crash_dialog.py" line="119" />
        <source>Détails copiés</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>SiteConfiguration</name>
    <message>
        <location filename="../../monmaster_desktop/ui/app.py" line="47" />
        <source>Configuration du site</source>
        <translation>Site configuration</translation>
    </message>
</context>
</TS>