; `yishi` on the user's PATH: the installer adds its folder, the uninstaller takes it out again.
; Shared by yishi.nsi (the installer built on Debian) and tauri-hooks.nsh (the installer the
; release workflow builds with Tauri's bundler). Only plain NSIS: no plug-in, no StrFunc, so it
; sits beside Tauri's template without clashing.
!include LogicLib.nsh
!include WinMessages.nsh

; YishiPathWithout: Push PATH, Push ENTRY, Call, Pop RESULT — PATH without ENTRY (entries are
; compared case-insensitively, as Windows does; empty entries dropped).
!macro YISHI_PATH_FUNCTIONS UN
Function ${UN}YishiPathWithout
  Exch $R0 ; entry
  Exch
  Exch $R1 ; path
  Push $R2 ; result
  Push $R3 ; entry being read
  Push $R4 ; character
  Push $R5 ; position
  StrCpy $R2 ""
  StrCpy $R3 ""
  StrCpy $R5 0
  read:
    StrCpy $R4 $R1 1 $R5
    StrCmp $R4 "" entry_end
    StrCmp $R4 ";" entry_end
    StrCpy $R3 "$R3$R4"
    IntOp $R5 $R5 + 1
    Goto read
  entry_end:
    StrCmp $R3 "" next
    StrCmp $R3 $R0 next
    StrCmp $R2 "" 0 +3
      StrCpy $R2 $R3
      Goto next
    StrCpy $R2 "$R2;$R3"
  next:
    StrCpy $R3 ""
    StrCmp $R4 "" done
    IntOp $R5 $R5 + 1
    Goto read
  done:
  StrCpy $R0 $R2
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Exch $R0
FunctionEnd
!macroend
!insertmacro YISHI_PATH_FUNCTIONS ""
!insertmacro YISHI_PATH_FUNCTIONS "un."

!macro YISHI_PATH_ADD
  ReadRegStr $0 HKCU "Environment" "Path"
  Push $0
  Push $INSTDIR
  Call YishiPathWithout
  Pop $0
  ${If} $0 == ""
    WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR"
  ${Else}
    WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR"
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
!macroend

!macro YISHI_PATH_REMOVE
  ReadRegStr $0 HKCU "Environment" "Path"
  Push $0
  Push $INSTDIR
  Call un.YishiPathWithout
  Pop $0
  WriteRegExpandStr HKCU "Environment" "Path" "$0"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
!macroend
