import { Composer, InlineKeyboard } from 'grammy'
import { format, localize } from '../../telegram/i18n.js'
import type { Locale } from '../../telegram/locale.js'
import { CALLBACK_PATTERNS, langData, parseCallbackData } from '../callback-data.js'
import type { CommandSpec } from '../commands.js'
import type { BotContext } from '../context.js'
import type { BotDeps } from '../deps.js'
import { isChatAdmin } from '../helpers/chat-admin.js'
import { settingsKey } from '../middleware/locale.js'
import { LOCALE_LABELS, TEXTS } from '../texts.js'

export const SETTINGS_COMMANDS: CommandSpec[] = [
  { command: 'lang', description: { zh: '选择语言：简体 / 繁體 / English', en: 'Choose 简体 / 繁體 / English' }, audience: 'everyone' },
]

const CHOICES: Locale[] = ['zh-Hans', 'zh-Hant', 'en']

/** The picker: one button per language, the current one ticked. */
export function languageKeyboard(current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const locale of CHOICES) keyboard.text(`${locale === current ? '✓ ' : ''}${LOCALE_LABELS[locale]}`, langData(locale))
  return keyboard
}

/** `/lang` and the language buttons: 简体 / 繁體 / English per chat (in groups: admins only), remembered in `deps.chatSettings`. */
export function createSettingsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { chatSettings } = deps

  const showPicker = async (ctx: BotContext) => {
    await ctx.reply(localize(ctx.locale, TEXTS.langPrompt), { reply_markup: languageKeyboard(ctx.locale) })
  }

  composer.command(['lang', 'language', 'settings'], showPicker)

  composer.callbackQuery(CALLBACK_PATTERNS.lang, async (ctx) => {
    const action = parseCallbackData(ctx.callbackQuery.data)
    if (action?.kind === 'langMenu') {
      await ctx.answerCallbackQuery()
      await showPicker(ctx)
      return
    }
    if (action?.kind !== 'lang') {
      await ctx.answerCallbackQuery()
      return
    }
    if ((await isChatAdmin(ctx)) !== 'admin') {
      await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.langAdminsOnly), show_alert: true })
      return
    }
    const key = settingsKey(ctx)
    if (key !== undefined) {
      const current = (await chatSettings.read(key)) ?? {}
      await chatSettings.write(key, { ...current, locale: action.locale })
    }
    ctx.locale = action.locale
    const confirmation = format(action.locale, TEXTS.langSet, { name: LOCALE_LABELS[action.locale] })
    await ctx.answerCallbackQuery({ text: confirmation })
    await ctx.editMessageText(confirmation, { reply_markup: languageKeyboard(action.locale) }).catch((err: unknown) => {
      // The picker may be too old to edit; the choice is saved and the toast said so.
      deps.logger.debug({ err }, 'bot: could not edit the language picker')
    })
  })

  return composer
}
