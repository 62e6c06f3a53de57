; Hooks for the installer Tauri's NSIS bundler builds in the release workflow
; (packaging/tauri.release.windows.json): `yishi` on the user's PATH, as with yishi.nsi.
!addincludedir "${__FILEDIR__}"
!include path.nsh

!macro NSIS_HOOK_POSTINSTALL
  !insertmacro YISHI_PATH_ADD
!macroend

!macro NSIS_HOOK_POSTUNINSTALL
  !insertmacro YISHI_PATH_REMOVE
!macroend
