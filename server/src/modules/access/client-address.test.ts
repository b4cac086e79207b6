import { clientAddressGroup } from './client-address';

describe('clientAddressGroup', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (address, group) => {
    expect(clientAddressGroup(address)).toBe(group);
  });

  it('puts every address of one /64 in one group, and different /64s in different groups', () => {
    expect(clientAddressGroup('2001:db8:0:1::1')).toBe(clientAddressGroup('2001:db8:0:1:ffff:ffff:ffff:ffff'));
    expect(clientAddressGroup('2001:db8:0:1::1')).not.toBe(clientAddressGroup('2001:db8:0:2::1'));
  });

  it('keeps anything else as it is, and names a missing address', () => {
    expect(clientAddressGroup(undefined)).toBe('unknown');
    expect(clientAddressGroup('not-an-address')).toBe('not-an-address');
  });
});
