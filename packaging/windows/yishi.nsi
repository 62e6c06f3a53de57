; The Windows installer of 议事 Yishi, built on Debian by scripts/build-windows.sh with makensis
; (Tauri's own NSIS bundler downloads a plug-in at build time; this script needs nothing but
; Debian's nsis). Per-user: no administrator rights, which community office laptops rarely give.
; The record (%APPDATA%\org.yishi.app) is the user's and is never touched by the uninstaller.
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> yishi.nsi

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
; One dictionary over both programs: the font built into each is stored once.
SetCompressorDictSize 64
ManifestDPIAware true

!include MUI2.nsh
!include LogicLib.nsh
!addincludedir "${__FILEDIR__}"
!include path.nsh

!define APP_ID "org.yishi.app"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; The Evergreen WebView2 runtime's client id (Microsoft's documented detection key).
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "议事 Yishi"
Caption "议事 Yishi ${VERSION}"
BrandingText "议事 Yishi ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Yishi"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "议事 Yishi"
VIAddVersionKey /LANG=0 "FileDescription" "议事 Yishi 安装程序 / installer"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!define MUI_ICON "${STAGE}\yishi.ico"
!define MUI_UNICON "${STAGE}\yishi.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\yishi-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: the installer speaks the system's language, Chinese unless English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_SIMPCHINESE} "启动议事"
LangString RunNow ${LANG_ENGLISH} "Start Yishi"
LangString NoWebView2 ${LANG_SIMPCHINESE} "这台电脑还没有 Microsoft Edge WebView2 运行时，议事的会议窗口需要它才能打开（Windows 11 和已更新的 Windows 10 都自带）。$\r$\n$\r$\n请联网运行一次 Windows 更新，或请信息化人员安装 WebView2 离线安装包（Evergreen Standalone Installer）。$\r$\n$\r$\n安装将继续：命令行工具 yishi（核对、导出、列表）不需要 WebView2，现在就能用。"
LangString NoWebView2 ${LANG_ENGLISH} "This computer does not have the Microsoft Edge WebView2 runtime, which Yishi's meeting window needs (Windows 11 and updated Windows 10 have it).$\r$\n$\r$\nRun Windows Update once while online, or ask IT to install the WebView2 offline installer (Evergreen Standalone Installer).$\r$\n$\r$\nInstallation continues: the yishi command-line tool (verify, export, list) does not need WebView2 and works now."
LangString KeepData ${LANG_SIMPCHINESE} "会议记录保存在 %APPDATA%\${APP_ID}，卸载不会删除它们。"
LangString KeepData ${LANG_ENGLISH} "The meeting records in %APPDATA%\${APP_ID} are kept: uninstalling does not delete them."
LangString ShortcutName ${LANG_SIMPCHINESE} "议事"
LangString ShortcutName ${LANG_ENGLISH} "Yishi"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Yishi" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\yishi-app.exe"
  File "${STAGE}\yishi.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\yishi.ico"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\fonts"
  File "${STAGE}\fonts\*.*"
  SetOutPath "$INSTDIR\licences"
  File "${STAGE}\licences\*.*"
  SetOutPath "$INSTDIR"

  CreateShortCut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\yishi-app.exe" "" "$INSTDIR\yishi.ico"
  CreateShortCut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\yishi-app.exe" "" "$INSTDIR\yishi.ico"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "议事 Yishi"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Yishi"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\yishi.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}

  ; `yishi` on the user's PATH (new terminals see it).
  !insertmacro YISHI_PATH_ADD

  ; The meeting window needs the WebView2 runtime; say so now rather than at the meeting.
  ReadRegStr $2 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ReadRegStr $3 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${If} $2 == ""
  ${OrIf} $2 == "0.0.0.0"
    ${If} $3 == ""
    ${OrIf} $3 == "0.0.0.0"
      MessageBox MB_ICONEXCLAMATION|MB_OK "$(NoWebView2)" /SD IDOK
    ${EndIf}
  ${EndIf}
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\yishi-app.exe"
  Delete "$INSTDIR\yishi.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\yishi.ico"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\fonts"
  RMDir /r "$INSTDIR\licences"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\$(ShortcutName).lnk"
  Delete "$DESKTOP\$(ShortcutName).lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  !insertmacro YISHI_PATH_REMOVE

  ; The record stays: it is the community's, not the program's.
  MessageBox MB_ICONINFORMATION|MB_OK "$(KeepData)" /SD IDOK
SectionEnd
