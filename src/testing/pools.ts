/**
 * Shared vocabularies of the testing kit. Messages, visitors and workspaces draw ids, URLs,
 * languages and metadata from these small pools, so generated values meet: a visitor's URL can
 * match a tree's `containsAnyOf`, a delivery names a message of the list, a message's channel
 * exists in the workspace.
 * @module
 */
import type { MetadataValue } from '../core/types.js';
export { DEVICE_TYPES } from '../core/vocabulary.js';

/** 2026-11-23T10:00:00Z: the default `now` generated values are placed around. */
export const KIT_NOW_MS = Date.UTC(2026, 10, 23, 10, 0, 0);

/** Web-widget channel ids of the kit's pools. */
export const WEB_CHANNEL_IDS = ['web_main', 'web_help'] as const;
/** Mobile-SDK channel ids of the kit's pools. */
export const MOBILE_CHANNEL_IDS = ['app_ios'] as const;
/** Every channel id messages and visitors are drawn from by default. */
export const CHANNEL_IDS: readonly string[] = [...WEB_CHANNEL_IDS, ...MOBILE_CHANNEL_IDS];
/** Brand ids. */
export const BRAND_IDS = ['brand_1', 'brand_2'] as const;
/** AI-agent ids. */
export const AI_AGENT_IDS = ['ai_1', 'ai_2'] as const;
/** Answer ids of legacy AI agents. */
export const ANSWER_IDS = ['ans_1', 'ans_2'] as const;

/** Time zones with interesting rules: DST (1 h and 30 min), odd offsets, none. */
export const KIT_TIME_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
  'America/Sao_Paulo',
  'Asia/Tokyo',
] as const;

export const HOSTS = ['https://shop.example', 'https://Shop.Example', 'http://blog.example', 'app://'] as const;
export const PATHS = [
  '/',
  '',
  '/a*b',
  '/pricing',
  '/Pricing/',
  '/pricing?plan=pro',
  '/products/42/reviews',
  '/products/7',
  '/checkout',
  '/help#faq',
  '/de/hilfe',
] as const;
/** Mobile screen names (on mobile `page.url` holds the screen name). */
export const SCREENS = ['CheckoutScreen', 'pricing', 'HelpCenter'] as const;
export const TITLES = ['Pricing', 'pricing plans', 'Help Center', 'Products — Reviews', 'Checkout', ''] as const;
/** Needles for `containsAnyOf` / `startsWith` / `endsWith`: fragments of the URLs and titles above. */
export const FRAGMENTS = ['/pricing', 'PRICING', 'shop', '/products/', 'reviews', 'https://', '.example', '?', '42', 'help', 'checkout', '/', 'a', 'plans'] as const;
/** Wildcard patterns, some of which match the URLs above. */
export const WILDCARDS = ['*/pricing*', '*/products/*/reviews', 'https://shop.example/*', '*', '*help#faq', '*checkout', '*a*', 'https://SHOP.example/pricing', '*?*', '**', 'pricing*'] as const;
/** Visitor locales (`language`). */
export const LOCALES = ['en', 'en-US', 'EN-gb', 'de', 'de-CH', 'fr', 'pt_BR', 'es-419'] as const;
/** Primary language subtags conditions compare with (case varies: both sides are lower-cased). */
export const LANGUAGES = ['en', 'EN', 'de', 'fr', 'pt', 'es', 'zh'] as const;
export const METADATA_KEYS = ['plan', 'cartValue', 'vip', 'note'] as const;
export const METADATA_VALUES: readonly MetadataValue[] = ['trial', 'pro', 'Pro', '50', '', 50, 120, 0, -1, 99.5, true, false, null];
/** Trigger delays (seconds) and time-on-page/site thresholds, so visitors sit near them. */
export const THRESHOLD_SECONDS = [0, 5, 10, 30, 60, 120] as const;

export const WORDS = [
  'Questions', 'about', 'our', 'plans', 'We', 'are', 'here', 'help', 'your', 'order', 'is', 'delayed',
  'Welcome', 'back', 'Need', 'a', 'hand', 'with', 'checkout', 'Grüße', 'über', 'ça', 'va', 'こんにちは',
  'Acme™', '©', '10%', 'off', 'today', 'shipping', 'maintenance', 'at', '22:00', 'UTC',
] as const;
export const PUNCTUATION = ['.', '!', '?', ',', ' -', ':'] as const;
/** Emoji for AI-agent texts (agent texts never hold emoji). */
export const EMOJI = ['👋', '🎉', '✅', '❤️', '🇩🇪', '1️⃣', '🙂', '☺'] as const;
export const TAG_WORDS = ['proactive', 'pricing', 'vip', 'onboarding', 'delivery_delay', 'promo-10', 'lang:de', 'web/widget', 'ünïcode'] as const;
