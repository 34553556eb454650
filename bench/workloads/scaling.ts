/**
 * The scaling lists: the current mix grown to 2,000 messages on the visitor's channel, each with
 * its own section path (so URL leaves do not repeat across messages, as in a large real list;
 * the `/pricing` half of the URL leaf keeps the mix's selectivity). Sizes are prefixes of one list.
 * @module
 */
import type { Message } from '../../src/index.js';
import { mixMessages } from './mix.js';

export const SIZES: readonly number[] = [1, 10, 140, 500, 1000, 2000];

export function scalingMessages(count: number, prefix = 'msg_', channelId?: string): Message[] {
  return mixMessages({ count, prefix, section: (k) => `/section-${k}/`, ...(channelId === undefined ? {} : { channelId }) });
}
