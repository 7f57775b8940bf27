"""Textual's command palette, safe for a clicker's keys.

A presenter clicker sends Page Up and Page Down. Pressed as the palette opens, before its
list has been laid out, Textual 8.2 raises KeyError in OptionList._move_page and the app
ends with a traceback (the workout saved as interrupted). A page move in a list that has
no height yet means nothing, so it does nothing here.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


class SafeCommandPalette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down") and self.query_one(CommandList).scrollable_content_region.height < 1:
            return
        super()._action_command_list(action)
