# the fence's lockdep map and guard class, dma-buf revoke inside it
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
# the KUnit suite of posting 06 grows
kunit-dev@googlegroups.com
