import { hostile } from './base.ts';

const trap = () => {
  throw new Error('proxy trap throws');
};

export default hostile('proxy-error', async () => {
  throw new Proxy(new Error('x'), { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
});
