# the KUnit suite of posting 06 grows
kunit-dev@googlegroups.com
