import { Composer, InlineKeyboard } from 'grammy'
import type { Locale } from '../../telegram/locale.js'
import type { BotContext } from '../context.js'
import { langData, parseCallbackData } from '../callback-data.js'
import { localize } from '../../telegram/i18n.js'
import { isGroup } from '../helpers/reply.js'
import { settingsKey } from '../middleware/locale.js'
import type { BotServices } from '../helpers/services.js'
import { format, LOCALE_LABELS, TEXTS } from '../texts.js'

const CHOICES: Locale[] = ['zh-Hans', 'zh-Hant', 'en']

/** The picker: one button per language, the current one ticked. */
export function languageKeyboard(current: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const locale of CHOICES) keyboard.text(`${locale === current ? '✓ ' : ''}${LOCALE_LABELS[locale]}`, langData(locale))
  return keyboard
}

/** Whether the user may change this chat's language: anyone in private, admins in groups. */
async function mayChange(ctx: BotContext): Promise<boolean> {
  if (!isGroup(ctx) || !ctx.chat || !ctx.from) return true
  const member = await ctx.api.getChatMember(ctx.chat.id, ctx.from.id)
  return member.status === 'creator' || member.status === 'administrator'
}

/** `/lang` and the language buttons: 简体 / 繁體 / English per chat, remembered in `deps.settings`. */
export function createSettingsFeature(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>()
  const { settings } = services.deps

  const showPicker = async (ctx: BotContext) => {
    await ctx.reply(localize(ctx.locale, TEXTS.langPrompt), { reply_markup: languageKeyboard(ctx.locale) })
  }

  composer.command(['lang', 'language', 'settings'], showPicker)

  composer.callbackQuery(/^l(:|$)/, async (ctx) => {
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
    if (!(await mayChange(ctx))) {
      await ctx.answerCallbackQuery({ text: localize(ctx.locale, TEXTS.langAdminsOnly), show_alert: true })
      return
    }
    const key = settingsKey(ctx)
    if (key !== undefined) {
      const current = (await settings.read(key)) ?? {}
      await settings.write(key, { ...current, locale: action.locale })
    }
    ctx.locale = action.locale
    const confirmation = format(action.locale, TEXTS.langSet, { name: LOCALE_LABELS[action.locale] })
    await ctx.answerCallbackQuery({ text: confirmation })
    await ctx.editMessageText(confirmation, { reply_markup: languageKeyboard(action.locale) }).catch((err: unknown) => {
      // The picker may be too old to edit; the choice is saved and the toast said so.
      services.deps.logger.debug({ err }, 'bot: could not edit the language picker')
    })
  })

  return composer
}
