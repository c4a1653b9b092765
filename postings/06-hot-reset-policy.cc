# a KUnit suite with static stubs
kunit-dev@googlegroups.com
# the cdev half of the ownership rules is iommufd's
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
Yi Liu <yi.l.liu@intel.com>
