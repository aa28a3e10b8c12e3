# cairn-historybench: time to open the History tab on a store of 10,000 runs of a 7-step
# flow. Needs the window's library, so it exists only when the GUI is built.
if(TARGET cairn_ui)
  add_executable(cairn-historybench ${CMAKE_CURRENT_LIST_DIR}/historybench.cpp)
  target_link_libraries(cairn-historybench PRIVATE cairn_ui)
endif()
