import type { Core } from '@strapi/strapi';
import type Mail from 'nodemailer/lib/mailer';

import type { RelayConfig } from '../config/types';
import type { ClaimedMessage } from '../queue/types';
import { getConfig } from '../utils/config';
import {
  DELIVERY_ERROR_CODES,
  DeliveryError,
  classifySmtpError,
  type FaultClass,
} from '../utils/delivery-error';
import { formatMailbox, type Mailbox, type StoredAttachment } from '../utils/send-input';
import { minifyHtml } from '../utils/minify';
import { htmlToText } from './renderer';
import { isBreakerRejection } from './relay-health';
import { MESSAGE_UID } from './mailer';

export interface AttemptRecord {
  relay: string | null;
  at: string;
  durationMs: number;
  outcome: 'sent' | 'failed';
  response?: string;
  responseCode?: number;
  code?: string;
  classification?: FaultClass;
}

export interface MessageRow extends ClaimedMessage {
  fromAddress: string;
  replyTo: string | null;
  to: Mailbox[];
  cc: Mailbox[] | null;
  bcc: Mailbox[] | null;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string> | null;
  attachments: StoredAttachment[] | null;
  allowedRelays: string[] | null;
  attempts: number;
  retries: number | null;
  lockedBy: string | null;
  attemptLog: AttemptRecord[] | null;
  createdAt: string;
}

const NO_RELAY_RETRY_MS = 60_000;

const domainOf = (address: string) => address.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'mailroom.local';

/** Pulls the id a relay assigned from its reply ("250 2.0.0 Ok: queued as 4F1A2B"). */
export const providerIdFromResponse = (response?: string) =>
  response?.match(/queued as ([\w.@<>-]+)/i)?.[1] ??
  response?.match(/^250[ -](?:\d\.\d\.\d )?(?:ok )?<?([\w.-]+@[\w.-]+)>?/i)?.[1];

const isMailboxFull = (failure: DeliveryError) =>
  failure.enhancedCode === '4.2.2' || /mailbox (is )?full|over quota/i.test(failure.response ?? '');

/** The retry delay after `attempt` failures, with ±20% jitter so that retries do not bunch up. */
const retryDelay = (attempt: number, schedule: number[]) => {
  const base = schedule[Math.min(attempt - 1, schedule.length - 1)];
  return Math.round(base * (0.8 + Math.random() * 0.4));
};

/**
 * Delivers one claimed message: builds the MIME message once, tries each allowed relay in
 * priority order, moves on only when a relay itself is at fault, and records the outcome.
 */
const delivery = ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => strapi.db.query(MESSAGE_UID as 'plugin::mailroom.message');
  const relaysService = () => strapi.plugin('mailroom').service('relays');

  /** Logs a line about one message, prefixed and with its id, as every delivery log line is. */
  const log = (level: 'debug' | 'info' | 'warn' | 'error', message: MessageRow, text: string) =>
    strapi.log[level](`[mailroom] message ${message.documentId}: ${text}`);

  const buildMail = async (message: MessageRow): Promise<Mail.Options> => {
    // A template's HTML was minified once, when its version was compiled.
    const html = message.html
      ? message.template
        ? message.html
        : await minifyHtml(message.html)
      : undefined;
    const text = message.text || (message.html ? htmlToText(message.html) : undefined);
    return {
      messageId: `<${message.documentId}@${domainOf(message.fromAddress)}>`,
      from: message.fromAddress,
      replyTo: message.replyTo ?? undefined,
      to: message.to.map(formatMailbox),
      cc: message.cc?.map(formatMailbox),
      bcc: message.bcc?.map(formatMailbox),
      subject: message.subject,
      text,
      html,
      headers: message.headers ?? undefined,
      attachments: message.attachments?.map((attachment) => ({
        filename: attachment.filename,
        content: Buffer.from(attachment.content, 'base64'),
        contentType: attachment.contentType,
        cid: attachment.cid,
      })),
    };
  };

  const candidates = (message: MessageRow): RelayConfig[] => {
    const all = relaysService().list() as RelayConfig[];
    if (!message.allowedRelays?.length) return all;
    // Routing names relays in the order they should be tried; fallback follows that list.
    return message.allowedRelays
      .map((name) => all.find((relay) => relay.name === name))
      .filter((relay): relay is RelayConfig => Boolean(relay));
  };

  const release = { lockedBy: null, lockedUntil: null };

  /**
   * Writes the message's outcome, but only while this worker still holds its claim: a claim that
   * expired and was taken by another process belongs to that process now.
   */
  const settle = async (message: MessageRow, data: Record<string, unknown>) => {
    const { count } = await messages().updateMany({
      where: { id: message.id, status: 'sending', lockedBy: message.lockedBy },
      data: { ...release, ...data },
    });
    if (count === 0) {
      log('warn', message, 'its claim expired before the outcome was written');
    }
    return count === 1;
  };

  /** Extends the claim before trying another relay, so that a slow round keeps its message. */
  const extendClaim = async (message: MessageRow) => {
    const { count } = await messages().updateMany({
      where: { id: message.id, status: 'sending', lockedBy: message.lockedBy },
      data: { lockedUntil: new Date(Date.now() + getConfig(strapi).queue.lockTimeout) },
    });
    return count === 1;
  };

  /** Puts the message back in the queue without counting a failed round. */
  const requeue = (message: MessageRow, delay: number, data: Record<string, unknown>) =>
    settle(message, { ...data, status: 'queued', nextAttemptAt: new Date(Date.now() + delay) });

  const recipientsOf = (message: MessageRow) =>
    [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])].map((box) => box.address);

  /** Records a bounce of `address` caused by `failure` on this message. */
  const suppress = (address: string, message: MessageRow, failure: DeliveryError) =>
    strapi
      .plugin('mailroom')
      .service('suppressions')
      .add({
        address,
        reason: failure.response ?? failure.message,
        source: 'bounce',
        messageId: message.documentId,
        relay: failure.relay,
        responseCode: failure.responseCode,
      });

  /** Suppresses the addresses a hard failure named, or every recipient when it named none. */
  const suppressRecipients = async (message: MessageRow, failure: DeliveryError) => {
    const rejected = (failure.cause as { rejected?: string[] })?.rejected ?? [];
    const addresses = rejected.length ? rejected : recipientsOf(message);
    for (const address of addresses) await suppress(address, message, failure);
  };

  /** A message accepted for some recipients: the ones refused for good are suppressed. */
  const suppressRejected = async (
    message: MessageRow,
    relay: string,
    info: { rejectedErrors?: unknown[] }
  ) => {
    for (const rejection of info.rejectedErrors ?? []) {
      const failure = classifySmtpError(rejection, relay);
      const address = (rejection as { recipient?: string }).recipient;
      if (failure.classification === 'recipient' && address) {
        await suppress(address, message, failure);
      }
    }
  };

  return {
    /**
     * Works one claimed message to its next state: sent, bounced, failed, or queued for a retry.
     * A fault of Mailroom's own (not the relay's) puts the message back in the queue for later.
     */
    async process(claimed: ClaimedMessage) {
      const message = claimed as MessageRow;
      try {
        await this.attempt(message);
      } catch (error) {
        const { retry } = getConfig(strapi);
        const retries = (message.retries ?? 0) + 1;
        const age = Date.now() - new Date(message.createdAt).getTime();
        const giveUp = retries > retry.maxAttempts || age >= retry.maxAge;
        const delay = retryDelay(retries, retry.delays);
        const next = giveUp ? 'giving up' : `retrying in ${Math.round(delay / 1000)}s`;
        log('error', message, `could not be processed (${next}): ${(error as Error).message}`);
        await settle(message, {
          status: giveUp ? 'failed' : 'queued',
          retries,
          errorCode: DELIVERY_ERROR_CODES.UNKNOWN,
          lastError: (error as Error).message,
          nextAttemptAt: giveUp ? null : new Date(Date.now() + delay),
          failedAt: giveUp ? new Date() : null,
        });
      }
    },

    async attempt(message: MessageRow) {
      const config = getConfig(strapi);
      const attemptLog = [...(message.attemptLog ?? [])];
      const relays = candidates(message);
      const health = strapi.plugin('mailroom').service('relay-health');
      const limits = strapi.plugin('mailroom').service('rate-limits');

      if (relays.length === 0) {
        log('warn', message, `no relay configured; retrying in ${NO_RELAY_RETRY_MS / 1000}s`);
        await requeue(message, NO_RELAY_RETRY_MS, {
          errorCode: DELIVERY_ERROR_CODES.NO_RELAY,
          lastError: 'no relay is configured for this message',
        });
        return;
      }

      // Suppressed addresses are left out here rather than in send(), which stays one INSERT.
      const suppressed: Set<string> = await strapi
        .plugin('mailroom')
        .service('suppressions')
        .filterSuppressed(recipientsOf(message));
      if (suppressed.size > 0) {
        const keep = (boxes: Mailbox[] | null) =>
          (boxes ?? []).filter((box) => !suppressed.has(box.address));
        const note = `suppressed recipient(s) left out: ${[...suppressed].join(', ')}`;
        if (keep(message.to).length === 0) {
          await settle(message, { status: 'suppressed', lastError: note });
          log('info', message, 'not sent: every recipient is suppressed');
          return;
        }
        message.to = keep(message.to);
        message.cc = keep(message.cc);
        message.bcc = keep(message.bcc);
        log('info', message, note);
      }

      const mail = await buildMail(message);
      let lastError: DeliveryError | undefined;
      let attempts = message.attempts ?? 0;

      let tried = 0;
      for (const relay of relays) {
        if (!health.isAvailable(relay)) continue;
        // The claim was taken for one relay's worth of time; each further relay renews it.
        if (tried > 0 && !(await extendClaim(message))) return;
        const wait = await limits.takeRelaySlot(relay);
        if (wait > 0) {
          // The relay's plan is used up for now: wait for it rather than spill onto a fallback.
          log('debug', message, `relay ${relay.name} is at its cap; waiting ${wait}ms`);
          await requeue(message, wait, { attemptLog, attempts });
          return;
        }

        tried += 1;
        const started = Date.now();
        try {
          const info = await health.send(relay, mail);
          attempts += 1;
          const durationMs = Date.now() - started;
          attemptLog.push({
            relay: relay.name,
            at: new Date(started).toISOString(),
            durationMs,
            outcome: 'sent',
            response: info.response,
          });
          await settle(message, {
            status: 'sent',
            relay: relay.name,
            attempts,
            attemptLog,
            providerMessageId: providerIdFromResponse(info.response) ?? info.messageId,
            smtpResponse: info.response,
            errorCode: null,
            lastError: null,
            sentAt: new Date(),
          });
          health.noteDelivery(relay.name, relays[0].name);
          // The message is out: nothing after this point may put it back in the queue.
          await suppressRejected(message, relay.name, info).catch((error: Error) =>
            log(
              'error',
              message,
              `sent, but its refused recipients could not be suppressed: ${error.message}`
            )
          );
          log(
            'debug',
            message,
            `sent via relay ${relay.name} in ${durationMs}ms: ${info.response}`
          );
          return;
        } catch (error) {
          if (isBreakerRejection(error)) continue;
          attempts += 1;
          lastError = classifySmtpError(error, relay.name);
          attemptLog.push({
            relay: relay.name,
            at: new Date(started).toISOString(),
            durationMs: Date.now() - started,
            outcome: 'failed',
            response: lastError.response ?? lastError.message,
            responseCode: lastError.responseCode,
            code: lastError.code,
            classification: lastError.classification,
          });
          const { code, classification } = lastError;
          const reply = lastError.response ?? lastError.message;
          log('warn', message, `relay ${relay.name} failed (${code}, ${classification}): ${reply}`);
          if (lastError.classification !== 'relay') break;
        }
      }

      const age = Date.now() - new Date(message.createdAt).getTime();
      if (!lastError) {
        // Every allowed relay's breaker is open: nothing was tried, so nothing counts as a failure.
        if (age < config.retry.maxAge) {
          await requeue(message, config.breaker.resetTimeout, {
            attemptLog,
            attempts,
            errorCode: DELIVERY_ERROR_CODES.NO_RELAY,
            lastError: 'every allowed relay is unavailable (circuit breaker open)',
          });
          return;
        }
        lastError = new DeliveryError({
          message: 'every allowed relay stayed unavailable until the message expired',
          code: DELIVERY_ERROR_CODES.NO_RELAY,
          classification: 'relay',
        });
      }

      const failure = lastError;
      const retries = (message.retries ?? 0) + 1;
      const base = {
        attempts,
        retries,
        attemptLog,
        relay: failure.relay ?? null,
        errorCode: failure.code,
        lastError: failure.message,
        smtpResponse: failure.response ?? null,
      };
      const retryable =
        failure.classification === 'relay' || failure.classification === 'transient';

      // One round (every relay tried once) is one retry, however many relays it went through.
      if (retryable && age < config.retry.maxAge && retries <= config.retry.maxAttempts) {
        const delay = retryDelay(retries, config.retry.delays);
        await settle(message, {
          ...base,
          status: 'queued',
          nextAttemptAt: new Date(Date.now() + delay),
        });
        log('info', message, `will retry in ${Math.round(delay / 1000)}s (${failure.code})`);
        return;
      }

      // A mailbox that stayed full through every retry is the recipient's fault after all.
      const bounced = failure.classification === 'recipient' || isMailboxFull(failure);
      const status = bounced ? 'bounced' : 'failed';
      await settle(message, { ...base, status, failedAt: new Date() });
      const reply = failure.response ?? failure.message;
      log('error', message, `${status} after ${retries} round(s): ${failure.code} ${reply}`);
      if (bounced) {
        await suppressRecipients(message, failure).catch((error: Error) =>
          log(
            'error',
            message,
            `bounced, but its recipients could not be suppressed: ${error.message}`
          )
        );
      }
    },
  };
};

export type DeliveryService = ReturnType<typeof delivery>;
export default delivery;
