; Inno Setup 6.3+ script: the Windows installer of Mon Master Desk (docs/deployment.md, « Windows »).
;
; Input : dist\monmaster-desktop\   (python scripts\build_bundle.py, run on Windows)
; Output: dist\installer\MonMasterDesk-<version>-setup.exe
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\monmaster-desktop.iss
;
; Per-machine install in C:\Program Files\Mon Master Desk (administrator rights), a Start-menu
; entry that opens the window without a console, an uninstaller in « Applications installées ».
; Silent install for deployment tools (SCCM, Intune, GPO script):
;   MonMasterDesk-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="C:\Windows\Temp\monmaster-setup.log"
; Silent removal:
;   "C:\Program Files\Mon Master Desk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The clerks' data (%LOCALAPPDATA%\MonMasterDesk) and the site configuration
; (C:\ProgramData\MonMasterDesk\monmaster-desktop\site.toml) are never touched by install,
; upgrade or removal.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Mon Master Desk"
#define Bundle "..\..\dist\monmaster-desktop"

[Setup]
; A fixed AppId: an upgrade replaces the installed version instead of adding a second one.
AppId={{6F1B8C52-3A7E-4C1D-9E5B-2D8A4F0C7E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Mon Master Desk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=MonMasterDesk-{#AppVersion}-setup
SetupIconFile=monmaster-desktop.ico
UninstallDisplayIcon={app}\monmaster-desktop-window.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole one-folder bundle; an upgrade first removes the previous _internal folder so that
; no library of an older version is left beside the new one.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\monmaster-desktop-window.exe"; WorkingDir: "{userdocs}"; Comment: "Candidatures Mon Master et inscriptions en Master 1"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\monmaster-desktop-window.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\monmaster-desktop-window.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
