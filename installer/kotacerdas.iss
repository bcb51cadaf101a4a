; Inno Setup 6: a per-user installer for the one-folder build, no admin rights needed.
; Build dist\KotaCerdas first (python -m kotacerdas_desktop.build), then, from the
; repository folder:  ISCC.exe installer\kotacerdas.iss   (see docs\windows-build.md)
; The program goes to %LOCALAPPDATA%\Programs\KotaCerdas; the data stays in
; %LOCALAPPDATA%\KotaCerdas, which this installer never writes or removes.

#define AppName "KotaCerdas Desktop"
#define AppExe "..\dist\KotaCerdas\KotaCerdas.exe"
#ifndef AppVersion
  ; The version resource of the built program, itself made from the package version.
  #define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#endif

[Setup]
AppId={{5C0E2B7A-7D3B-4E0B-9A59-3B1B8E6C2F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KotaCerdas Desktop developers
DefaultDirName={autopf}\KotaCerdas
DefaultGroupName=KotaCerdas
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=Output
OutputBaseFilename=KotaCerdas-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kotacerdas.ico
UninstallDisplayIcon={app}\KotaCerdas.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program folder whole, so no file of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\KotaCerdas\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\KotaCerdas"; Filename: "{app}\KotaCerdas.exe"
Name: "{autodesktop}\KotaCerdas"; Filename: "{app}\KotaCerdas.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\KotaCerdas.exe"; Description: "{cm:LaunchProgram,KotaCerdas}"; Flags: nowait postinstall skipifsilent
