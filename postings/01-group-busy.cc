# patch 1 is in the iommufd compat path of the group interface
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
Yi Liu <yi.l.liu@intel.com>
