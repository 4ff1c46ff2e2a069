const layout = (body: string) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body style="margin:0;padding:0;background:#f4f4f7;font-family:Helvetica,Arial,sans-serif">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0">
      <tr>
        <td align="center" style="padding:32px 16px">
          <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px">
            <tr>
              <td style="padding:32px;color:#32324d;font-size:16px;line-height:24px">
${body}
              </td>
            </tr>
          </table>
          <p style="color:#8e8ea9;font-size:12px">{{company}}</p>
        </td>
      </tr>
    </table>
  </body>
</html>
`;

const button = (label: string) =>
  `<p><a href="{{url}}" style="display:inline-block;background:#4945ff;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none">${label}</a></p>`;

/** The demo's two emails, each in English and French. */
export const DEMO_TEMPLATES = [
  {
    slug: 'welcome',
    name: 'Welcome',
    en: {
      subject: 'Welcome to {{company}}, {{name}}!',
      preheader: 'Your account is ready.',
      html: layout(`<h1 style="margin-top:0">Welcome, {{name}}!</h1>
<p>Your {{company}} account is ready. Start by completing your profile.</p>
${button('Complete my profile')}`),
      sampleData: { name: 'Ada', company: 'Acme', url: 'https://example.com/profile' },
    },
    fr: {
      subject: 'Bienvenue chez {{company}}, {{name}} !',
      preheader: 'Votre compte est prêt.',
      html: layout(`<h1 style="margin-top:0">Bienvenue, {{name}} !</h1>
<p>Votre compte {{company}} est prêt. Commencez par compléter votre profil.</p>
${button('Compléter mon profil')}`),
      sampleData: { name: 'Ada', company: 'Acme', url: 'https://example.com/profil' },
    },
  },
  {
    slug: 'password-reset',
    name: 'Password reset',
    en: {
      subject: 'Reset your {{company}} password',
      preheader: 'This link expires in {{expiresInMinutes}} minutes.',
      html: layout(`<h1 style="margin-top:0">Reset your password</h1>
<p>Hi {{name}}, someone asked to reset the password of your account. If it was you, use the button below within {{expiresInMinutes}} minutes.</p>
${button('Choose a new password')}
<p>If it was not you, ignore this email: your password stays as it is.</p>`),
      sampleData: {
        name: 'Ada',
        company: 'Acme',
        url: 'https://example.com/reset?token=abc',
        expiresInMinutes: 30,
      },
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe {{company}}',
      preheader: 'Ce lien expire dans {{expiresInMinutes}} minutes.',
      html: layout(`<h1 style="margin-top:0">Réinitialisez votre mot de passe</h1>
<p>Bonjour {{name}}, quelqu'un a demandé à réinitialiser le mot de passe de votre compte. Si c'est vous, utilisez le bouton ci-dessous dans les {{expiresInMinutes}} minutes.</p>
${button('Choisir un nouveau mot de passe')}
<p>Si ce n'est pas vous, ignorez cet e-mail : votre mot de passe ne change pas.</p>`),
      sampleData: {
        name: 'Ada',
        company: 'Acme',
        url: 'https://example.com/reinitialiser?token=abc',
        expiresInMinutes: 30,
      },
    },
  },
];
