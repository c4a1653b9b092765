# device fds prove what iommufd's DMA ownership of a group guarantees
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
Yi Liu <yi.l.liu@intel.com>
# the KUnit suite of posting 06 grows
kunit-dev@googlegroups.com
