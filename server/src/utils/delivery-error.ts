/**
 * The one catalogue of delivery failures. Every failed attempt becomes a `DeliveryError` with a
 * code, the relay it happened on, the SMTP reply (code and text) when there was one, and a
 * classification that decides what happens next.
 */
export const DELIVERY_ERROR_CODES = {
  CONNECTION: 'ECONNECTION',
  TIMEOUT: 'ETIMEDOUT',
  TLS: 'ETLS',
  AUTH: 'EAUTH',
  RELAY_REJECTED: 'ERELAY',
  RECIPIENT_REJECTED: 'ERECIPIENT',
  MESSAGE_REJECTED: 'EMESSAGE',
  TRANSIENT: 'ETRANSIENT',
  NO_RELAY: 'ENORELAY',
  UNKNOWN: 'EUNKNOWN',
} as const;

export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[keyof typeof DELIVERY_ERROR_CODES];

/**
 * - relay: the relay cannot take mail right now; try the next relay.
 * - recipient: this address will never accept it; bounce and suppress.
 * - message: this message will never be accepted as it is; fail it.
 * - transient: try again later on the same terms.
 */
export type FaultClass = 'relay' | 'recipient' | 'message' | 'transient';

export class DeliveryError extends Error {
  readonly code: DeliveryErrorCode;
  readonly relay?: string;
  readonly responseCode?: number;
  readonly enhancedCode?: string;
  readonly response?: string;
  readonly command?: string;
  readonly classification: FaultClass;
  readonly cause?: unknown;

  constructor(init: {
    message: string;
    code: DeliveryErrorCode;
    classification: FaultClass;
    relay?: string;
    responseCode?: number;
    enhancedCode?: string;
    response?: string;
    command?: string;
    cause?: unknown;
  }) {
    super(init.message);
    this.name = 'DeliveryError';
    this.cause = init.cause;
    this.code = init.code;
    this.classification = init.classification;
    this.relay = init.relay;
    this.responseCode = init.responseCode;
    this.enhancedCode = init.enhancedCode;
    this.response = init.response;
    this.command = init.command;
  }

  toJSON() {
    return {
      code: this.code,
      classification: this.classification,
      relay: this.relay,
      responseCode: this.responseCode,
      enhancedCode: this.enhancedCode,
      response: this.response,
      command: this.command,
      message: this.message,
    };
  }
}

interface SmtpLikeError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const ENHANCED_CODE = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const TOO_LARGE = /(too (large|big)|size limit|exceeds? (the )?(maximum|size))/i;
const MAILBOX_FULL = /(mailbox|quota).*(full|exceeded)|over quota|insufficient (system )?storage/i;

/**
 * Classifies a failed send. nodemailer reports network and protocol failures with a `code`
 * (ECONNECTION, ETIMEDOUT, ETLS, EAUTH, ...) and server replies with `responseCode`/`response`.
 */
export const classifySmtpError = (error: unknown, relay?: string): DeliveryError => {
  if (error instanceof DeliveryError) return error;
  const err = (error ?? {}) as SmtpLikeError;
  const message = err.message ?? String(error);
  const responseCode = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const response = err.response;
  const enhancedCode = response?.match(ENHANCED_CODE)?.[0];
  const base = { relay, responseCode, response, enhancedCode, command: err.command, cause: error };
  const at = relay ? `relay '${relay}': ` : '';

  const fail = (code: DeliveryErrorCode, classification: FaultClass) =>
    new DeliveryError({ ...base, code, classification, message: `${at}${message}` });

  if (responseCode === undefined) {
    switch (err.code) {
      case 'ETIMEDOUT':
        return fail(DELIVERY_ERROR_CODES.TIMEOUT, 'relay');
      case 'ETLS':
        return fail(DELIVERY_ERROR_CODES.TLS, 'relay');
      case 'EAUTH':
        return fail(DELIVERY_ERROR_CODES.AUTH, 'relay');
      case 'ECONNECTION':
      case 'ECONNREFUSED':
      case 'ECONNRESET':
      case 'EDNS':
      case 'ESOCKET':
      case 'EPROTOCOL':
        return fail(DELIVERY_ERROR_CODES.CONNECTION, 'relay');
      case 'EENVELOPE':
        return fail(DELIVERY_ERROR_CODES.MESSAGE_REJECTED, 'message');
      default:
        return fail(DELIVERY_ERROR_CODES.UNKNOWN, 'transient');
    }
  }

  if (err.code === 'EAUTH') return fail(DELIVERY_ERROR_CODES.AUTH, 'relay');
  // A relay that refuses STARTTLS when TLS is required cannot carry the message securely.
  if (err.code === 'ETLS' || /^STARTTLS/i.test(err.command ?? '')) {
    return fail(DELIVERY_ERROR_CODES.TLS, 'relay');
  }
  if (responseCode === 421 || responseCode === 454) {
    return fail(DELIVERY_ERROR_CODES.RELAY_REJECTED, 'relay');
  }
  const [klass, subject] = enhancedCode ? enhancedCode.split('.') : [];
  if ((klass === '4' || klass === '5') && subject === '7') {
    return fail(DELIVERY_ERROR_CODES.RELAY_REJECTED, 'relay');
  }
  if (responseCode === 552 || subject === '3' || TOO_LARGE.test(response ?? '')) {
    if (MAILBOX_FULL.test(response ?? '')) {
      return fail(DELIVERY_ERROR_CODES.RECIPIENT_REJECTED, 'recipient');
    }
    if (responseCode >= 500 || TOO_LARGE.test(response ?? '')) {
      return fail(DELIVERY_ERROR_CODES.MESSAGE_REJECTED, 'message');
    }
  }
  if (responseCode >= 500) {
    if (subject === '1' || subject === '2') {
      return fail(DELIVERY_ERROR_CODES.RECIPIENT_REJECTED, 'recipient');
    }
    if (subject === '6') return fail(DELIVERY_ERROR_CODES.MESSAGE_REJECTED, 'message');
    if (responseCode === 550 || responseCode === 551 || responseCode === 553) {
      return fail(DELIVERY_ERROR_CODES.RECIPIENT_REJECTED, 'recipient');
    }
    return fail(DELIVERY_ERROR_CODES.MESSAGE_REJECTED, 'message');
  }
  return fail(DELIVERY_ERROR_CODES.TRANSIENT, 'transient');
};
