// The message every scenario sends: a realistic order confirmation of about 5 KB, table layout,
// a <style> block, an Outlook conditional comment and a handful of Handlebars variables.

export const SUBJECT = 'Your order {{order.number}} is confirmed';

const item = (name: string, quantity: number, price: string) => `
            <tr>
              <td class="item" style="padding:8px 0;border-bottom:1px solid #eceef1;font-size:14px;color:#1f2933">${name}</td>
              <td class="qty" style="padding:8px 0;border-bottom:1px solid #eceef1;font-size:14px;color:#52606d;text-align:center">${quantity}</td>
              <td class="price" style="padding:8px 0;border-bottom:1px solid #eceef1;font-size:14px;color:#1f2933;text-align:right">${price}</td>
            </tr>`;

export const HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Order confirmation</title>
    <style>
      body { margin: 0; padding: 0; background-color: #f4f5f7; }
      table { border-collapse: collapse; }
      .wrapper { width: 100%; background-color: #f4f5f7; }
      .container { width: 600px; max-width: 600px; background-color: #ffffff; }
      .button a { display: inline-block; padding: 12px 24px; color: #ffffff; text-decoration: none; }
      @media only screen and (max-width: 620px) {
        .container { width: 100% !important; }
        .item, .qty, .price { font-size: 13px !important; }
      }
    </style>
    <!--[if mso]>
    <style>table { border-collapse: collapse; } .button a { padding: 0 !important; }</style>
    <![endif]-->
  </head>
  <body>
    <!-- Layout: one centred 600px column -->
    <table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0">
      <tr>
        <td align="center" style="padding:24px 12px">
          <table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0">
            <tr>
              <td style="padding:24px 32px;background-color:#0b7285;color:#ffffff;font-family:Helvetica,Arial,sans-serif;font-size:20px;font-weight:bold">
                Northwind Outfitters
              </td>
            </tr>
            <tr>
              <td style="padding:32px;font-family:Helvetica,Arial,sans-serif">
                <h1 style="margin:0 0 16px;font-size:22px;color:#1f2933">Thanks for your order, {{customer.firstName}}!</h1>
                <p style="margin:0 0 16px;font-size:15px;line-height:22px;color:#3e4c59">
                  We have received order <strong>{{order.number}}</strong> and are getting it ready.
                  You will receive another email with a tracking link as soon as it ships.
                </p>
                <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:24px 0">
                  <tr>
                    <th align="left" style="padding:8px 0;border-bottom:2px solid #cbd2d9;font-size:12px;color:#7b8794;text-transform:uppercase">Item</th>
                    <th style="padding:8px 0;border-bottom:2px solid #cbd2d9;font-size:12px;color:#7b8794;text-transform:uppercase">Qty</th>
                    <th align="right" style="padding:8px 0;border-bottom:2px solid #cbd2d9;font-size:12px;color:#7b8794;text-transform:uppercase">Price</th>
                  </tr>${item('Trail running shoes, size 42', 1, '$129.00')}${item('Merino wool socks (3 pack)', 2, '$36.00')}${item('Insulated water bottle, 750 ml', 1, '$24.50')}
                  <tr>
                    <td colspan="2" style="padding:12px 0;font-size:15px;font-weight:bold;color:#1f2933">Total</td>
                    <td style="padding:12px 0;font-size:15px;font-weight:bold;color:#1f2933;text-align:right">{{order.total}}</td>
                  </tr>
                </table>
                <p style="margin:0 0 8px;font-size:15px;line-height:22px;color:#3e4c59">Shipping to:</p>
                <p style="margin:0 0 24px;font-size:15px;line-height:22px;color:#1f2933">
                  {{customer.firstName}} {{customer.lastName}}<br>{{shipping.street}}<br>{{shipping.postcode}} {{shipping.city}}
                </p>
                <table role="presentation" cellpadding="0" cellspacing="0" class="button">
                  <tr>
                    <td style="border-radius:4px;background-color:#0b7285">
                      <a href="{{order.url}}" style="font-family:Helvetica,Arial,sans-serif;font-size:15px;font-weight:bold">View your order</a>
                    </td>
                  </tr>
                </table>
              </td>
            </tr>
            <tr>
              <td style="padding:24px 32px;background-color:#f4f5f7;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:18px;color:#7b8794">
                Questions? Reply to this email or visit <a href="https://help.northwind.example" style="color:#0b7285">our help centre</a>.<br>
                Northwind Outfitters, 12 Harbour Road, Bristol BS1 4RN, United Kingdom.<br>
                You are receiving this email because you placed an order at northwind.example.
              </td>
            </tr>
          </table>
        </td>
      </tr>
    </table>
  </body>
</html>
`;

/** The data of message `index`: every message differs a little, as real orders do. */
export const dataFor = (index: number) => ({
  customer: { firstName: 'Ada', lastName: `Lovelace ${index}` },
  order: {
    number: `NW-${100000 + index}`,
    total: '$225.50',
    url: `https://shop.northwind.example/orders/NW-${100000 + index}`,
  },
  shipping: { street: '12 Harbour Road', postcode: 'BS1 4RN', city: 'Bristol' },
});

export const recipientFor = (index: number) => `customer-${index}@example.com`;
