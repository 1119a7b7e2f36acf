import type { UserFromGetMe } from 'grammy/types'

/**
 * The bot as `getMe` would describe it, for where `getMe` is never called: the
 * local console, and the tests' harness (so both agree on who the bot is).
 */
export const BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: '科技新闻',
  username: 'KejiNewsBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
}
