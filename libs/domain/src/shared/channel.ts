import { refuse } from './error-codes';

/** The default channel list; configuration may extend it, so deciders validate against the context. */
export const DEFAULT_CHANNELS = ['email', 'sms', 'phone', 'post', 'whatsapp', 'push'] as const;

/** A channel name from the configured list (`DEFAULT_CHANNELS` unless configured otherwise). */
export type Channel = string;

/** The configured channels arrive on every command that names a channel. */
export type ChannelContext = { channels: readonly Channel[] };

export function requireChannel(channel: unknown, channels: readonly Channel[], field = 'channel'): Channel {
  if (typeof channel !== 'string' || !channels.includes(channel)) {
    refuse('CHANNEL.UNKNOWN', `channel must be one of ${channels.join(', ')}`, field);
  }
  return channel;
}
