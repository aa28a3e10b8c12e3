# cairn-canvasbench: load and offscreen paint time of the canvas for a generated flow of
# 2,000 steps. Needs the window's library, so it exists only when the GUI is built.
if(TARGET cairn_ui)
  add_executable(cairn-canvasbench ${CMAKE_CURRENT_LIST_DIR}/canvasbench.cpp)
  target_link_libraries(cairn-canvasbench PRIVATE cairn_ui)
endif()
