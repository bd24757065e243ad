; BorderLens project files (*.blproj) open in the viewer. Included by the installer script that
; CPack generates (CPACK_NSIS_EXTRA_INSTALL_COMMANDS and _UNINSTALL_COMMANDS, hence the guard);
; the macros run at the end of the install and in the uninstaller. SHCTX is HKLM for an elevated
; (all users) install and HKCU otherwise, following CPack's SetShellVarContext.
!ifndef BORDERLENS_FILE_ASSOCIATION_NSH
!define BORDERLENS_FILE_ASSOCIATION_NSH

!define BORDERLENS_PROGID "BorderLens.Project.1"
!define BORDERLENS_CLASSES "Software\Classes"

!macro BorderLensRegisterFileTypes
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\.blproj" "" "${BORDERLENS_PROGID}"
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\.blproj" "Content Type" "application/x-borderlens-project"
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\.blproj\OpenWithProgids" "${BORDERLENS_PROGID}" ""
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\${BORDERLENS_PROGID}" "" "BorderLens project"
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\${BORDERLENS_PROGID}\DefaultIcon" "" "$INSTDIR\bin\borderlens.exe,0"
  WriteRegStr SHCTX "${BORDERLENS_CLASSES}\${BORDERLENS_PROGID}\shell\open\command" "" '"$INSTDIR\bin\borderlens.exe" "%1"'
  ; SHCNE_ASSOCCHANGED: let Explorer pick up the new icon and verb at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro BorderLensUnregisterFileTypes
  DeleteRegValue SHCTX "${BORDERLENS_CLASSES}\.blproj\OpenWithProgids" "${BORDERLENS_PROGID}"
  ; Remove the extension's default only if it is still ours (another program may have taken it).
  ReadRegStr $0 SHCTX "${BORDERLENS_CLASSES}\.blproj" ""
  StrCmp $0 "${BORDERLENS_PROGID}" 0 +3
    DeleteRegValue SHCTX "${BORDERLENS_CLASSES}\.blproj" ""
    DeleteRegValue SHCTX "${BORDERLENS_CLASSES}\.blproj" "Content Type"
  DeleteRegKey /ifempty SHCTX "${BORDERLENS_CLASSES}\.blproj\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "${BORDERLENS_CLASSES}\.blproj"
  DeleteRegKey SHCTX "${BORDERLENS_CLASSES}\${BORDERLENS_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!endif
