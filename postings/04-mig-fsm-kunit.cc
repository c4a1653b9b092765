# a KUnit suite, vfio's first
kunit-dev@googlegroups.com
linux-kselftest@vger.kernel.org
