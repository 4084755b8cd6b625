import { RuleTester } from '../../src/testing.js';
import rule from './foreign-key-not-valid.js';

new RuleTester().run(rule, {
  valid: [
    'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
    'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
    'CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));',
    'CREATE TABLE payments (id bigint, order_id bigint);\nALTER TABLE payments ADD CONSTRAINT p_fk FOREIGN KEY (order_id) REFERENCES orders (id);',
  ],
  invalid: [
    {
      code: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      errors: [{ messageId: 'foreignKey', data: { table: 'orders', referenced: 'customers' }, line: 1, column: 24 }],
    },
    { code: 'ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);', errors: [{ data: { table: 'orders', referenced: 'coupons' } }] },
  ],
});
